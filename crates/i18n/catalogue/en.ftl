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
