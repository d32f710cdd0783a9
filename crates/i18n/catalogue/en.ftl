# The English catalogue of grondslag: every sentence a user reads.
# One message per id; nl.ftl has the same ids with the same arguments (a test keeps it so).
# An error says what is wrong, where, and what the user can do next. Never content or personal
# data: only ids, paths the user gave, and states.

## General
error-prefix = grondslag: error

## Errors of the store
error-database = database error while { $context }: { $detail }
error-io = I/O error on { $path }: { $detail }
error-no-such-document = document { $id } does not exist
error-document-destroyed = document { $id } was destroyed by destruction run { $run }
error-key-erased = the key of document { $id } was erased by destruction run { $run } (KEK generation { $generation }): this data predates that run and stays unreadable
error-key-missing = the key of document { $id } cannot be unwrapped: KEK generation { $generation } is not in keys/; restore the keys folder from your key escrow
error-no-text = document { $id } has no extracted text (it was unreadable)
error-not-active = document { $id } is { $status }, not active
error-no-such-subject = subject { $id } does not exist
error-no-such-hold = hold { $id } does not exist
error-hold-lifted = hold { $id } was already lifted
error-no-such-run = destruction run { $id } does not exist
error-same-approver = destruction run { $run } was already approved by this user; the second approval must come from someone else
error-not-approved = destruction run { $run } has { $approvals } approval(s) by different users; executing needs two
error-run-state = destruction run { $run } is { $state }; cannot { $action }
error-redact-failed = redaction of document { $id } failed
error-no-legal-basis = processing '{ $processing }' has no legal basis: storing personal data for it is refused
error-no-such-processing = processing '{ $processing }' is not in the records of processing
error-bad-backup = the backup file is not valid: { $detail }; choose a file made by `grondslag backup`
error-wrong-store = the backup belongs to store { $backup }, not to this store ({ $this })
error-corrupt = stored data is inconsistent: { $detail }
error-invalid = invalid input: { $detail }

## Errors of the vault
error-vault-io = vault I/O error on { $path }: { $detail }
error-vault-random = the system random number generator failed
error-vault-kek-gone = KEK generation { $generation } is not in keys/ (erased or never created)
error-vault-bad-key-file = key file { $path } is damaged; restore it from your key escrow
error-vault-unwrap = a wrapped key under KEK generation { $generation } failed to authenticate; are these the keys of another store?
error-vault-blob-missing = blob { $id } is missing from the vault; restore a backup
error-vault-blob-damaged = blob { $id } is damaged or fails to decrypt; restore a backup
error-vault-seal-damaged = an encrypted field ({ $context }) is damaged or fails to decrypt
error-vault-bad-blob-id = invalid blob id

## Letters, the organisation, the audit log and the requests mailbox (letters, org, audit show, requests import)
org-none = no organisation recorded yet; letters and certificates need a sender: `grondslag org set --name … --address … --signatory … --contact …`
org-recorded = organisation recorded: { $name }
org-missing-description = note: the organisation has no text for { $fields }; letters then say this information follows on request (add it with `grondslag org set …` and those options)
org-logo-not-image = the logo { $path } is not a readable PNG or JPEG file
letters-written = written: { $path }
letters-exported = { $count } default templates written to { $dir } (existing files are kept); a template in that folder replaces the default of the same name
letters-template-own = own template
letters-template-default = default template
letters-request-reference = access request { $id }
letters-subject-reference = data subject { $id }
letters-package-title = Document with inventory number { $id }
letters-unknown-addressee = Sir or Madam
letters-error-template = template { $template }: { $detail }; fix the template in the home's templates/ folder, or remove it to use the default
letters-error-markup = template { $template } does not give valid XHTML: { $detail }
letters-error-pdf = writing the PDF failed: { $detail }
letters-error-io = read or write error on { $path }: { $detail }
woo-list-empty = the inventory list would hold no document; nothing was written (are the ids right, or was everything destroyed?)
audit-show-bad-date = --since { $date }: expected YYYY-MM-DD
audit-show-none = no audit log entries match
audit-col-entry = entry
audit-col-time = time (UTC)
audit-col-user = user
audit-col-action = action
audit-col-object = object
audit-col-details = details
request-show-title = Access request { $id }
request-show-received = received
request-show-due = due
request-show-extended = extended
request-show-status = status
request-show-late = made after the window closed
request-show-overdue = OVERDUE
request-show-names = names
request-show-emails = e-mail addresses
request-show-phones = phone numbers
request-show-birthdates = dates of birth
request-show-addresses = addresses
request-show-subjects = confirmed subjects
request-show-destroyed = (destroyed)
request-show-history = history:
requests-no-window = no access window configured: run `grondslag window --opens … --closes … --tag …` first
requests-not-a-mail = not a readable mail
requests-no-date = no valid Date header; add the mail by hand as an .eml with a Date header
requests-not-tagged = subject without the window tag; not a request
requests-import-summary = { $imported } requests imported, { $duplicate } already imported, { $other } other mails left out, { $failed } unreadable
requests-imap-bad-url = { $url } is not a valid address; expected imaps://HOST[:PORT]/FOLDER (encrypted only, over imaps)
requests-imap-no-credentials = no credentials for the mailbox: set GRONDSLAG_IMAP_USER with GRONDSLAG_IMAP_PASSWORD, or with GRONDSLAG_IMAP_TOKEN (OAuth 2)
requests-imap-connect = no secure connection to { $host }: { $detail }; check address, port and certificate (--ca-file for a private certificate authority)
requests-imap-login = login to { $host } failed ({ $detail }); check user and password or token
requests-imap-error = IMAP error at { $step }: { $detail }
requests-imap-moved = { $count } request mails moved to { $folder }
requests-imap-ca-file = { $path } holds no usable certificate (PEM expected)
## Users
error-no-acting-user = there is no acting user: give --user NAME or set GRONDSLAG_USER (a registered user)
error-unknown-user = the acting user is not registered in this home; a registered user adds users with `grondslag user add NAME --role ROLE`
error-user-exists = a user with this name (or one that reads the same) is already registered; choose another name
error-user-name-empty = a user name cannot be empty
error-user-name-invisible = a user name cannot hold control or invisible characters (character { $position }); type the name again
user-added = user { $name } registered with role { $role }

## Destruction
error-objection-pending = access request { $request } holds an objection to destruction that waits for the confirmation of its subjects; confirm first with `grondslag request confirm { $request } SUBJECT...`
error-reason-required = a reason is required (--reason)
error-no-such-request = access request { $id } does not exist
error-not-in-run = document { $document } is not (or no longer) waiting in destruction run { $run }
plan-excluded-unverified = document { $document } is left out of the run: its redacted copy still holds a value of kind { $kind } (from byte { $offset }); review the findings with `grondslag document { $document }` and assess the document again (for example as destroy)
plan-excluded-no-text = document { $document } is left out of the run: it is unreadable, so no redacted copy can be made of it; assess it as destroy or retain
plan-excluded-key-gone = document { $document } is left out of the run: its key was erased by an earlier destruction run
destroy-failed-documents = { $count } document(s) of run { $run } could not be archived and were left unchanged; plan them in a next run
destroy-sources-remain = Note: the originals on the share and in the mailbox still exist. Delete them too (for example with `destroy execute --delete-sources`); a next scan reports them as resurfaced.
destroy-cancelled = destruction run { $run } cancelled
destroy-dropped = document { $document } taken out of destruction run { $run }
sources-deleted = { $count } source file(s) deleted
sources-unreachable = not deleted: { $path } ({ $reason })
sources-inside-container = it is inside a mail or archive; delete the file that holds it
sources-changed = its content changed since the scan
scan-resurfaced = { $count } file(s) on the share were destroyed by destruction run { $runs } and still exist at the source: they were not stored again. Delete the originals (or execute the run with --delete-sources).
requests-resurfaced = { $count } mail(s) in the mailbox were destroyed by destruction run { $runs } and still exist: they were not imported again. Delete them from the mailbox.
request-objection-hold = objection to destruction recorded: hold { $hold } on the confirmed subjects
request-objection-pending = objection to destruction recorded; it becomes a hold once the subjects of request { $request } are confirmed (until then `destroy plan` refuses)

## Keys, audit log and restore
error-keys-mismatch = keys/{ $key } does not belong to the database in this home: nothing is read or written. Restore the right keys folder from your key escrow (the keys that belong to this database).
error-kek-missing = keys/kek-{ $generation }.key is missing and no destruction run erased it: without it the data cannot be read. Restore it from your key escrow; no new one is made.
error-kek-mismatch = keys/kek-{ $generation }.key does not fit the keys in the database: restore the right file from your key escrow.
error-audit-rollback = the audit log no longer reaches the signed head (entry { $head }; the log ends at entry { $end }) or forks from it: entries were deleted or an older database was put back. Nothing is written. Put back the database that belongs to the head; `grondslag audit verify` names the first bad entry.
error-audit-head-missing = keys/audit-head is missing while the audit log has entries: nothing is written. Restore keys/audit-head from your key escrow.
error-vault-key-missing = keys/{ $name } is missing in a home that holds data: no new key is made (that would make all data unreadable or stored twice). Restore keys/ from your key escrow.
error-restore-confirm = this backup is older than { $runs } executed destruction run(s); destroyed documents stay destroyed, but everything else goes back to the state of the backup. Confirm with --yes.
restore-confirm-question = The backup of { $created } is older than { $runs } executed destruction run(s). Restore it anyway? [y/N]
restore-done = backup of { $created } restored: { $documents } documents ({ $unreadable } unreadable), { $destroyed } documents destroyed since stay destroyed, { $archived } archived since stay archived; { $runs } destruction run(s) and the audit log ({ $entries } entries) kept
store-waiting = another grondslag process is working in this home; waiting for it to finish…

## Redaction
redact-unknown-kind = unknown kind '{ $kind }' in --kinds; choose from: { $known }
redact-value-still-present = verification failed: a redacted value (kind { $kind }, in the text from byte { $offset }) is still in the redacted output; nothing was written. The format keeps that value where redaction cannot reach it: convert the file to PDF or text and redact that, or redact this place by hand.
error-redact-unsupported = redaction of this format is not supported ({ $what }); convert it to PDF or text
error-redact-span = finding { $index } lies outside the text
error-redact-malformed = the { $format } file is damaged ({ $reason }); nothing was written
error-redact-not-located = redacted value number { $index } cannot be found again in the { $format } file, so it cannot be removed; nothing was written. Convert the file to PDF or text and redact that.
error-redact-unremovable = page { $page } holds text that cannot be removed ({ $reason }); nothing was written
error-redact-verification = verification failed: redacted value number { $index } is still in the output; nothing was written
error-redact-pdf-write = the PDF could not be written ({ $reason })

## Moved from the commands
detect-is-a-directory-not-a-file = is a directory, not a file
detect-not-a-text-file-binary-content = not a text file: binary content at byte
detect-too-large-to-read-as-a = too large to read as a document (over 512 MiB)
detect-no-such-file = no such file
detect-permission-denied = permission denied
redact-expected-kind-ground = expected KIND=GROUND
redact-redacted-to = redacted to
redact-redaction-of-this-format-is-not = redaction of this format is not supported
redact-verification-redacted-output-unreadable = verification: redacted output unreadable
procedure-grondslag-never-suggests-retain-choose-documents = grondslag never suggests 'retain'; choose documents yourself
procedure-no-documents-given-ids-or-folder = no documents given (ids or --folder)
procedure-document-s-assessed = document(s) assessed
procedure-a-hold-needs-a-scope-document = a hold needs a scope: --document, --subject or --all
procedure-hold-created = hold created
procedure-hold-lifted = hold lifted
procedure-approved = approved
procedure-backup-written-to = backup written to
procedure-audit-log-intact = audit log intact

## Audit log
plan-summary = destruction run { $run }: { $destroy } to destroy, { $archive } to redact and archive, { $held } held, { $excluded } left out
audit-tampered = audit log tampered: entry { $entry }: { $why }
audit-fault-not-text = a column is not text (edited)
audit-fault-gap = missing: entry { $found } follows entry { $previous } (entries deleted or renumbered)
audit-fault-unchained = does not chain to the entry before it (entries inserted, deleted or reordered)
audit-fault-edited = its content does not match its hash (edited)
audit-fault-checkpoint-signature = its signed checkpoint has an invalid signature
audit-fault-checkpoint-beyond = missing: a signed checkpoint names entry { $named } but the log ends at entry { $end }
audit-fault-checkpoint-mismatch = does not match its signed checkpoint (the log was rewritten)
audit-fault-head-signature = the signed head in keys/audit-head has an invalid signature
audit-fault-head-beyond = missing: the signed head names entry { $named } but the log ends at entry { $end } (last entries deleted)
audit-fault-head-mismatch = does not match the signed head in keys/audit-head (the log was rewritten)
audit-fault-head-missing = the log has entries but keys/audit-head is missing
audit-note-gone = (no longer readable: its key was erased)
audit-notes-hidden = reasons and references (note N) are sealed and shown only to a registered user with the role admin, privacy_officer or fg
## Scan: what cannot be read (as a regular file), and internal errors
error-internal = internal error at { $location }; its message is not shown because it may quote document text
scan-internal-error = internal error while reading; the document was skipped
scan-not-regular-fifo = not a regular file but a FIFO (named pipe); not opened
scan-not-regular-socket = not a regular file but a socket; not opened
scan-not-regular-device = not a regular file but a device file; not opened
scan-not-regular = not a regular file; not opened
scan-link-outside = symbolic link pointing outside the scanned folders; not followed
scan-link-loop = symbolic link loop; not followed
scan-link-dangling = symbolic link to something that does not exist
scan-link-not-regular = symbolic link to something that is not a regular file; not followed
scan-link-unreadable = symbolic link that cannot be followed: { $detail }
scan-links-to-folders = { $count } symbolic link(s) to folders inside the scan not followed; their content was read where it is
scan-invalid-utf8 = not valid UTF-8 at byte { $offset } (a large text file is read as UTF-8, as `extract` does)
scan-binary = not a text file: binary content at byte { $offset }
scan-not-read = not read: { $path }: { $reason }
scan-seal-failed = { $path } could not be put encrypted into the vault: { $detail }
scan-stored = { $documents } documents stored; now resolving data subjects
