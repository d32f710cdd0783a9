//! The rules of the procedure that are not storage: deadlines of access requests, the access
//! window, the request lifecycle, grounds for (not) informing, disposition suggestions, the Woo
//! list rows, and the facts letters share (the organisation, dates in words, kinds in words).
//!
//! Pure functions of their input: no clock (callers pass `today`), no I/O, no database. The store
//! persists what these functions decide; the CLI wires them.

pub mod deadline;
pub mod informing;
pub mod letters;
pub mod lifecycle;
pub mod suggest;
pub mod woo;

pub use deadline::{due_date, extended_due_date, is_late, Window};
pub use lifecycle::RequestStatus;
