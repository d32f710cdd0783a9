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
