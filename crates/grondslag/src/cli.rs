//! Command-line definitions. Names follow `../shared/CONTRACTS.md` exactly; everything else is ours.
//!
//! The doc comments here are for developers. What a user reads in `--help` comes from the
//! catalogue (`help-cmd-…`, `help-arg-…` in `crates/i18n/catalogue/*.ftl`), in the chosen
//! language: see `help.rs`. A new command or argument needs its entries there (a test says so).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// grondslag — vind, inventariseer, lak en vernietig persoonsgegevens rechtmatig, en verantwoord elke stap.
/// (Find, inventory, redact and lawfully destroy personal data, and account for every step.)
#[derive(Parser)]
#[command(name = "grondslag", version, propagate_version = true)]
pub struct Cli {
    /// Taal van meldingen / language of messages.
    #[arg(
        long,
        global = true,
        value_enum,
        env = "GRONDSLAG_LANG",
        default_value = "nl"
    )]
    pub lang: Lang,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Nl,
    En,
}

/// The store and the acting user, shared by every command that uses stored state.
#[derive(Args, Clone, Debug)]
pub struct StoreArgs {
    /// Map met de database, de kluis en de sleutels (folder with the database, vault and keys).
    /// Without --home: $GRONDSLAG_HOME; without that: ./grondslag-home.
    #[arg(long, env = "GRONDSLAG_HOME", default_value = "grondslag-home")]
    pub home: PathBuf,
    /// Handelende gebruiker voor het auditlog (acting user). Default: $GRONDSLAG_USER, then the OS user.
    #[arg(long, env = "GRONDSLAG_USER")]
    pub user: Option<String>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Print the plain text the detector sees for FILE.
    Extract(ExtractArgs),
    /// Detect personal data in files.
    Detect(DetectArgs),
    /// Create an empty store (database, vault, keys) in --home.
    Init(StoreOnly),
    /// Scan files and folders into the encrypted inventory.
    Scan(ScanArgs),
    /// Inventory summary.
    Summary(JsonArgs),
    /// List stored documents.
    Documents(JsonArgs),
    /// Show one document with its findings highlighted.
    Document(DocumentArgs),
    /// List data subjects.
    Subjects(JsonArgs),
    /// Show, merge or split data subjects.
    Subject(SubjectArgs),
    /// Print the stored extracted text of a document.
    Text(TextArgs),
    /// Redact a file into a copy with every finding removed and marked with its ground.
    Redact(RedactArgs),
    /// Set the disposition of documents.
    Assess(AssessArgs),
    /// Suggest dispositions from the findings (a person decides).
    Suggest(JsonArgs),
    /// Holds that block destruction.
    Hold(HoldArgs),
    /// Destruction runs: plan, approve (two users), execute, certificate.
    Destroy(DestroyArgs),
    /// Write one backup file with the database and the vault (never the keys).
    Backup(BackupArgs),
    /// Restore a backup into --home, keeping its keys.
    Restore(RestoreArgs),
    /// The tamper-evident audit log.
    Audit(AuditArgs),
    /// Records of processing activities (AVG art. 30).
    Processings(ProcessingsArgs),
    /// Inventory list for a Woo decision (productierapport), as XLSX or CSV.
    WooList(WooListArgs),
    /// Accountability report: the figures for the letter to parliament, the FG and the Ombudsman
    /// (text, --json, or as a document with --html/--pdf).
    Report(ReportArgs),
    /// Record the decision to inform a data subject personally, or not (AVG art. 13/14).
    Inform(InformArgs),
    /// Configure the access window.
    Window(WindowArgs),
    /// Access requests: list (--json) or import.
    Requests(RequestsArgs),
    /// Work on one access request.
    Request(RequestArgs),
    /// The organisation that sends letters and signs certificates.
    Org(OrgArgs),
    /// The templates of letters, certificates and reports (export them to adapt them).
    Letters(LettersArgs),
    /// Registered users: who may decide and who may look.
    User(UserArgs),
}

#[derive(Args)]
pub struct UserArgs {
    #[command(subcommand)]
    pub action: UserAction,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    Admin,
    #[value(name = "privacy_officer", alias = "privacy-officer")]
    PrivacyOfficer,
    Approver,
    Member,
    Fg,
}

#[derive(Subcommand)]
pub enum UserAction {
    /// Register a user (the first one by anyone; then only by a registered user).
    Add {
        #[command(flatten)]
        store: StoreArgs,
        /// The name as people write it; compared case- and width-insensitively.
        name: String,
        #[arg(long, value_enum)]
        role: RoleArg,
    },
    /// List registered users.
    List {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct ExtractArgs {
    pub file: PathBuf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DetectFormat {
    Human,
    Jsonl,
}

#[derive(Args)]
pub struct DetectArgs {
    /// Output format: human-readable (default) or JSON lines.
    #[arg(long, value_enum, default_value = "human")]
    pub format: DetectFormat,
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Args)]
pub struct StoreOnly {
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Args)]
pub struct JsonArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Files and folders to scan.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Do not run OCR even when Tesseract is installed.
    #[arg(long)]
    pub no_ocr: bool,
    /// Worker threads (default: number of cores).
    #[arg(long)]
    pub jobs: Option<usize>,
}

#[derive(Args)]
pub struct DocumentArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    #[arg(long)]
    pub json: bool,
    pub id: i64,
}

#[derive(Args)]
pub struct SubjectArgs {
    #[command(subcommand)]
    pub action: SubjectAction,
}

#[derive(Subcommand)]
pub enum SubjectAction {
    /// Every document and finding of one subject, in context.
    Show {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        json: bool,
        id: i64,
    },
    /// Merge subjects into the first one (recorded; survives a re-scan).
    Merge {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        reason: String,
        #[arg(required = true, num_args = 2..)]
        ids: Vec<i64>,
    },
    /// Split findings off a subject into a subject of their own (recorded; survives a re-scan).
    Split {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        reason: String,
        subject: i64,
        /// Finding ids to split off.
        #[arg(required = true)]
        findings: Vec<i64>,
    },
}

#[derive(Args)]
pub struct TextArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    pub id: i64,
}

#[derive(Args)]
pub struct RedactArgs {
    pub file: PathBuf,
    #[arg(long)]
    pub out: PathBuf,
    /// Only redact these kinds (comma-separated contract kinds).
    #[arg(long, value_delimiter = ',')]
    pub kinds: Vec<String>,
    /// Replace each person by a consistent pseudonym ("Persoon 1") next to the ground.
    #[arg(long)]
    pub pseudonyms: bool,
    /// Ground per kind, e.g. --ground person=5.1.2e (repeatable).
    #[arg(long = "ground")]
    pub grounds: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DispositionArg {
    Destroy,
    #[value(name = "redact_and_archive", alias = "redact-and-archive")]
    RedactAndArchive,
    Retain,
}

#[derive(Args)]
pub struct AssessArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    #[arg(long, value_enum)]
    pub disposition: DispositionArg,
    #[arg(long)]
    pub reason: String,
    /// Legal basis, for `retain`.
    #[arg(long)]
    pub legal_basis: Option<String>,
    /// Retention in years of the archived redacted copy, for `redact_and_archive`.
    #[arg(long, default_value_t = 20)]
    pub retention_years: u32,
    /// Selection-list category, for `redact_and_archive`.
    #[arg(long)]
    pub category: Option<String>,
    /// Also every document whose path starts with this folder (bulk assessment).
    #[arg(long)]
    pub folder: Option<String>,
    /// Also every not yet assessed document for which `suggest` proposes this disposition
    /// (bulk assessment by suggestion; review the list with `suggest` first).
    #[arg(long, value_enum)]
    pub suggested: Option<DispositionArg>,
    pub ids: Vec<i64>,
}

#[derive(Args)]
pub struct HoldArgs {
    #[command(subcommand)]
    pub action: HoldAction,
}

#[derive(Subcommand)]
pub enum HoldAction {
    /// Create a hold; prints its id on the last line.
    Add {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        reference: String,
        #[arg(long = "document")]
        documents: Vec<i64>,
        #[arg(long = "subject")]
        subjects: Vec<i64>,
        #[arg(long)]
        all: bool,
    },
    /// Lift a hold.
    Lift {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        reason: String,
        id: i64,
    },
    /// List holds.
    List {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct DestroyArgs {
    #[command(subcommand)]
    pub action: DestroyAction,
}

#[derive(Subcommand)]
pub enum DestroyAction {
    /// Plan a destruction run of every assessed document that is not held.
    Plan {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        json: bool,
        /// Print the plan and record nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Approve a run (two different users are needed).
    Approve {
        #[command(flatten)]
        store: StoreArgs,
        id: i64,
    },
    /// Execute an approved run (crypto-shredding, then key rotation).
    Execute {
        #[command(flatten)]
        store: StoreArgs,
        id: i64,
        /// Also delete the source files the scan read for the destroyed documents (those that
        /// still hold the same content); reports the files it could not reach.
        #[arg(long)]
        delete_sources: bool,
    },
    /// Cancel a run that has not executed (the reason is recorded).
    Cancel {
        #[command(flatten)]
        store: StoreArgs,
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// Take one document out of a run that has not executed (the reason is recorded).
    Drop {
        #[command(flatten)]
        store: StoreArgs,
        id: i64,
        document: i64,
        #[arg(long)]
        reason: String,
    },
    /// Certificate of destruction (verklaring van vernietiging) of an executed run.
    Certificate {
        #[command(flatten)]
        store: StoreArgs,
        id: i64,
        /// Write HTML to this file (JSON goes to stdout).
        #[arg(long)]
        html: Option<PathBuf>,
        /// Write the certificate as PDF/A-2 (tagged) to this file.
        #[arg(long)]
        pdf: Option<PathBuf>,
    },
}

#[derive(Args)]
pub struct BackupArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Args)]
pub struct RestoreArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    pub file: PathBuf,
    /// Confirm restoring a backup older than the last executed destruction run (scripts).
    #[arg(long)]
    pub yes: bool,
}

#[derive(Args)]
pub struct AuditArgs {
    #[command(subcommand)]
    pub action: AuditAction,
}

#[derive(Subcommand)]
pub enum AuditAction {
    /// Check the hash chain, checkpoints and head; exit non-zero naming the first bad entry.
    Verify {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// The views and decisions in the log, in order (ids, counts and kinds; no personal data).
    /// The acting user is $GRONDSLAG_USER (or the OS user): --user here filters by user.
    Show {
        /// Folder with the database, the vault and the keys (default: $GRONDSLAG_HOME, then
        /// ./grondslag-home).
        #[arg(long, env = "GRONDSLAG_HOME", default_value = "grondslag-home")]
        home: PathBuf,
        /// Only entries on or after this day (YYYY-MM-DD, UTC).
        #[arg(long)]
        since: Option<String>,
        /// Only entries of this user.
        #[arg(long = "user")]
        by: Option<String>,
        /// Only entries about this document.
        #[arg(long)]
        document: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct ProcessingsArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Output as CSV instead of JSON.
    #[arg(long)]
    pub csv: bool,
}

#[derive(Args)]
pub struct WindowArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// YYYY-MM-DD
    #[arg(long)]
    pub opens: String,
    /// YYYY-MM-DD
    #[arg(long)]
    pub closes: String,
    /// Subject tag of the request mailbox.
    #[arg(long)]
    pub tag: String,
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct RequestsArgs {
    #[command(subcommand)]
    pub action: Option<RequestsAction>,
    #[command(flatten)]
    pub store: StoreArgs,
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand)]
pub enum RequestsAction {
    /// Import mails from Maildir folders and .eml files, or from an IMAP mailbox (--imap).
    /// Mails are recognised by Message-ID: importing again adds nothing.
    Import {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(required_unless_present = "imap")]
        paths: Vec<PathBuf>,
        /// The mailbox as imaps://HOST[:PORT]/FOLDER (default folder INBOX). Credentials from
        /// $GRONDSLAG_IMAP_USER with $GRONDSLAG_IMAP_PASSWORD, or $GRONDSLAG_IMAP_TOKEN (OAuth 2
        /// bearer token, XOAUTH2).
        #[arg(long)]
        imap: Option<String>,
        /// Move every mail imported (or imported before) to this folder; other mails stay.
        #[arg(long, requires = "imap")]
        move_to: Option<String>,
        /// Also trust the certificate authorities in this PEM file (a private CA, a test server).
        #[arg(long, requires = "imap", env = "GRONDSLAG_IMAP_CA")]
        ca_file: Option<PathBuf>,
    },
}

#[derive(Args)]
pub struct RequestArgs {
    #[command(subcommand)]
    pub action: RequestAction,
}

#[derive(Subcommand)]
pub enum RequestAction {
    /// The request: requester, dates, due date, status and history (a view of personal data).
    Show {
        #[command(flatten)]
        store: StoreArgs,
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Candidate subjects for the requester, best first.
    Search {
        #[command(flatten)]
        store: StoreArgs,
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Record which subjects are the requester (after the identity check).
    Confirm {
        #[command(flatten)]
        store: StoreArgs,
        id: i64,
        #[arg(required = true)]
        subjects: Vec<i64>,
        /// How the identity was checked.
        #[arg(long, default_value = "niet vastgelegd")]
        identity: String,
    },
    /// Write the answer letter and the inspection package.
    Answer {
        #[command(flatten)]
        store: StoreArgs,
        id: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Record an objection to destruction (a hold on the confirmed subjects).
    Object {
        #[command(flatten)]
        store: StoreArgs,
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// Extend the deadline once by up to two months (AVG art. 12(3)).
    Extend {
        #[command(flatten)]
        store: StoreArgs,
        id: i64,
        #[arg(long)]
        reason: String,
        #[arg(long, default_value_t = 2)]
        months: u32,
        /// Write the letter that tells the requester (AVG art. 12(3)) to this PDF file (an
        /// .html file next to it too).
        #[arg(long)]
        letter: Option<PathBuf>,
    },
    /// Record that the requester inspected the documents.
    Inspected {
        #[command(flatten)]
        store: StoreArgs,
        id: i64,
    },
    /// Refuse a request, with its reasons (within the month, AVG art. 12(4)).
    Refuse {
        #[command(flatten)]
        store: StoreArgs,
        id: i64,
        #[arg(long)]
        reason: String,
        /// Write the refusal (a decision under the Awb) to this PDF file (an .html file next to
        /// it too).
        #[arg(long)]
        letter: Option<PathBuf>,
    },
    /// Close a request; the next destruction run destroys it unless a hold applies.
    Close {
        #[command(flatten)]
        store: StoreArgs,
        id: i64,
    },
}

#[derive(Args)]
pub struct WooListArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Publicatiecontext of the decision (letters, digits, - . _ ~).
    #[arg(long)]
    pub context: String,
    /// Output file: .xlsx or .csv.
    #[arg(long)]
    pub out: PathBuf,
    /// Only these documents (default: every document not destroyed).
    pub ids: Vec<i64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InformGround {
    /// Geen betrouwbare contactgegevens.
    NoReliableContactDetails,
    /// Onevenredige inspanning (art. 14 lid 5 sub b AVG).
    DisproportionateEffort,
    /// Veiligheid van medewerkers.
    SafetyOfStaff,
    /// Anders (toelichting verplicht).
    Other,
}

#[derive(Args)]
pub struct InformArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    pub subject: i64,
    /// Inform personally (writes a letter with --letter).
    #[arg(long, conflicts_with = "not_because")]
    pub yes: bool,
    /// Do not inform personally, on this ground.
    #[arg(long, value_enum)]
    pub not_because: Option<InformGround>,
    #[arg(long, default_value = "")]
    pub explanation: String,
    #[arg(long, default_value = "")]
    pub risk: String,
    #[arg(long, default_value = "")]
    pub damage: String,
    #[arg(long, default_value = "")]
    pub claims: String,
    #[arg(long, default_value = "")]
    pub pending_requests: String,
    /// Write the informing letter (PDF) here.
    #[arg(long)]
    pub letter: Option<PathBuf>,
}

#[derive(Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Write the report as HTML to this file.
    #[arg(long)]
    pub html: Option<PathBuf>,
    /// Write the report as PDF/A-2 (tagged) to this file.
    #[arg(long)]
    pub pdf: Option<PathBuf>,
}

#[derive(Args)]
pub struct OrgArgs {
    #[command(subcommand)]
    pub action: OrgAction,
}

// Parsed once per process: the size of a variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
pub enum OrgAction {
    /// Record the organisation (replaces the one recorded before; give every option again).
    Set {
        #[command(flatten)]
        store: StoreArgs,
        /// The body's name as it signs ("Gemeente Tiel").
        #[arg(long)]
        name: String,
        /// Postal address ("Postbus 1, 1000 AA Tiel"; commas or newlines separate lines).
        #[arg(long)]
        address: String,
        /// Who signs, with function ("A. de Vries, burgemeester").
        #[arg(long)]
        signatory: String,
        /// Where data subjects reach the body about this matter (e-mail or phone).
        #[arg(long)]
        contact: String,
        /// Contact details of the data protection officer (FG).
        #[arg(long)]
        fg_contact: Option<String>,
        /// Where objections (bezwaar, Awb) go; default: --address.
        #[arg(long)]
        objection_address: Option<String>,
        /// The mailbox for access requests; default: --contact.
        #[arg(long)]
        request_mailbox: Option<String>,
        /// Purpose of the original processing, as letters describe it (AVG art. 15(1)(a)).
        #[arg(long)]
        purpose: Option<String>,
        /// Recipients of the data (AVG art. 15(1)(c)).
        #[arg(long)]
        recipients: Option<String>,
        /// Where the data came from (AVG art. 15(1)(g)).
        #[arg(long)]
        source: Option<String>,
        /// How long the data is kept (AVG art. 15(1)(d)).
        #[arg(long)]
        retention: Option<String>,
        /// A logo (PNG or JPEG) for the letterhead.
        #[arg(long)]
        logo: Option<PathBuf>,
    },
    /// Show the organisation.
    Show {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct LettersArgs {
    #[command(subcommand)]
    pub action: LettersAction,
}

#[derive(Subcommand)]
pub enum LettersAction {
    /// Write the default templates to HOME/templates/<lang>/ (existing files are kept). A
    /// template there replaces the default of the same name.
    Export {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// List the templates and which ones HOME/templates overrides.
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
}
