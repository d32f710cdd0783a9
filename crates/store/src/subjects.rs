//! Persisting data subjects: the clusters that subject resolution computes from
//! [`Store::mentions`]. Names and evidence are sealed under a per-subject key; ids stay stable
//! across re-resolution (a new cluster takes the id of the old subject it shares most findings
//! with), and merge/split decisions of the working group are stored and re-applied.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::{
    time, DbContext, DocId, FindingId, FindingInfo, Mention, Store, StoreError, SubjectId,
    SPECIAL_KINDS,
};

/// One resolved cluster to store.
#[derive(Debug, Clone)]
pub struct NewSubject {
    /// The display name the working group sees.
    pub name: String,
    /// The findings that mention this subject, with confidence and evidence (free text; sealed).
    pub mentions: Vec<(FindingId, f32, String)>,
}

/// One subject as `subjects --json` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct SubjectInfo {
    pub id: SubjectId,
    pub name: String,
    pub documents: u64,
    pub findings: u64,
    pub kinds: Vec<String>,
    pub special_categories: Vec<String>,
}

/// A subject with every document and finding it occurs in.
#[derive(Debug, Clone, Serialize)]
pub struct SubjectDetail {
    pub id: SubjectId,
    pub name: String,
    pub documents: Vec<DocId>,
    pub findings: Vec<SubjectFinding>,
}

/// A finding of a subject with the resolution's confidence and evidence.
#[derive(Debug, Clone, Serialize)]
pub struct SubjectFinding {
    #[serde(flatten)]
    pub finding: FindingInfo,
    pub confidence: f32,
    pub evidence: String,
}

/// A decision of the working group about subject resolution, re-applied after every
/// re-resolution.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum SubjectDecision {
    /// These subjects are one person.
    Merge(Vec<SubjectId>),
    /// These findings are not the subject they were put in: they form a subject of their own.
    Split(Vec<FindingId>),
}

impl Store {
    /// The text right before each of `mentions` (what `grondslag_subjects::Mention::before`
    /// carries: a title before a name, whether a sentence ends between a name and a detail).
    /// Each document's text is opened once, in memory only; a document whose text cannot be
    /// opened gives empty contexts. Logged as one view.
    pub fn mention_contexts(&mut self, mentions: &[Mention]) -> Result<Vec<String>, StoreError> {
        let mut out = vec![String::new(); mentions.len()];
        let mut by_doc: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
        for (i, m) in mentions.iter().enumerate() {
            by_doc.entry(m.document.0).or_default().push(i);
        }
        let mut opened = 0usize;
        for (doc, idx) in by_doc {
            let Ok(text) = self.text_for_resolution(DocId(doc)) else {
                continue;
            };
            opened += 1;
            for i in idx {
                out[i] = grondslag_subjects::text_before(&text, mentions[i].start);
            }
        }
        self.audit_view(
            "texts read for subject resolution",
            "documents",
            &format!("count={opened}"),
        )?;
        self.flush_head()?;
        Ok(out)
    }

    fn text_for_resolution(&self, doc: DocId) -> Result<String, StoreError> {
        let key = self.doc_key(doc)?;
        let blob: Option<String> = self
            .conn()
            .query_row(
                "SELECT text_blob FROM documents WHERE id = ?1 AND status = 'active'",
                [doc.0],
                |r| r.get(0),
            )
            .optional()
            .ctx("reading a document")?
            .flatten();
        let blob = blob.ok_or(StoreError::NoText(doc))?;
        let bytes = self
            .vault
            .get_blob(&key, &grondslag_vault::BlobId::parse(&blob)?)?;
        String::from_utf8(bytes)
            .map_err(|_| StoreError::Corrupt(format!("text of document {doc} is not UTF-8")))
    }

    /// Replaces all subjects by `subjects`, keeping ids stable by overlap and re-applying
    /// recorded merge/split decisions. Subjects that vanish are removed unless a hold names them.
    pub fn replace_subjects(&mut self, subjects: &[NewSubject]) -> Result<(), StoreError> {
        let processing = self.processing_id("inventory")?;
        let mut clusters: Vec<NewSubject> = subjects.to_vec();
        self.apply_decisions(&mut clusters)?;

        let old: HashMap<i64, i64> = {
            let mut st = self
                .conn()
                .prepare("SELECT finding, subject FROM subject_findings")
                .ctx("reading subject links")?;
            let v = st
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .ctx("reading subject links")?
                .collect::<Result<HashMap<_, _>, _>>()
                .ctx("reading subject links")?;
            v
        };
        // Overlap of every new cluster with every old subject; assign greedily, largest first.
        let mut pairs: Vec<(usize, i64, usize)> = Vec::new();
        for (i, c) in clusters.iter().enumerate() {
            let mut counts: BTreeMap<i64, usize> = BTreeMap::new();
            for (f, _, _) in &c.mentions {
                if let Some(s) = old.get(&f.0) {
                    *counts.entry(*s).or_default() += 1;
                }
            }
            pairs.extend(counts.into_iter().map(|(s, n)| (n, s, i)));
        }
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut assigned: HashMap<usize, i64> = HashMap::new();
        let mut used: BTreeSet<i64> = BTreeSet::new();
        for (_, s, i) in pairs {
            if !assigned.contains_key(&i) && !used.contains(&s) {
                assigned.insert(i, s);
                used.insert(s);
            }
        }
        let mut held: BTreeSet<i64> = self.held_subject_ids()?.into_iter().collect();
        // Subjects named by an open access request are kept too.
        held.extend(self.request_named_subjects()?);

        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("starting subject update")?;
        tx.execute("DELETE FROM subject_findings", [])
            .ctx("clearing subject links")?;
        let existing: Vec<(i64, i64)> = {
            let mut st = tx
                .prepare("SELECT id, key_id FROM subjects")
                .ctx("listing subjects")?;
            let v = st
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .ctx("listing subjects")?
                .collect::<Result<Vec<_>, _>>()
                .ctx("listing subjects")?;
            v
        };
        let mut removed = 0usize;
        for (id, key_id) in &existing {
            if !used.contains(id) && !held.contains(id) {
                tx.execute("DELETE FROM subjects WHERE id = ?1", [id])
                    .ctx("removing a subject")?;
                tx.execute("DELETE FROM keys WHERE id = ?1", [key_id])
                    .ctx("removing a subject key")?;
                removed += 1;
            }
        }
        let keys: HashMap<i64, i64> = existing.into_iter().collect();
        for (i, c) in clusters.iter().enumerate() {
            let (id, key) = match assigned.get(&i) {
                Some(id) => {
                    let key_id = keys[id];
                    (*id, self.load_key(key_id)?)
                }
                None => {
                    let (key_id, key) = self.new_key()?;
                    let sealed = key.seal("subject", c.name.as_bytes())?;
                    tx.execute(
                        "INSERT INTO subjects(processing, key_id, name_enc) VALUES (?1, ?2, ?3)",
                        params![processing, key_id, sealed],
                    )
                    .ctx("storing a subject")?;
                    (tx.last_insert_rowid(), std::rc::Rc::new(key))
                }
            };
            let sealed = key.seal("subject", c.name.as_bytes())?;
            tx.execute(
                "UPDATE subjects SET name_enc = ?1 WHERE id = ?2",
                params![sealed, id],
            )
            .ctx("renaming a subject")?;
            let mut st = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO subject_findings(subject, finding, confidence, evidence_enc) VALUES (?1, ?2, ?3, ?4)",
                )
                .ctx("linking findings")?;
            for (f, conf, ev) in &c.mentions {
                st.execute(params![
                    id,
                    f.0,
                    *conf as f64,
                    key.seal("evidence", ev.as_bytes())?
                ])
                .ctx("linking a finding")?;
            }
        }
        self.audit(
            "subjects resolved",
            "subjects",
            &format!(
                "clusters={} kept_ids={} removed={removed}",
                clusters.len(),
                assigned.len()
            ),
        )?;
        tx.commit().ctx("committing subjects")?;
        self.forget_cached_key();
        self.flush_head()
    }

    fn apply_decisions(&self, clusters: &mut Vec<NewSubject>) -> Result<(), StoreError> {
        let decisions: Vec<(String, String)> = self.rows(
            "SELECT kind, findings FROM subject_decisions ORDER BY id",
            [],
            "reading subject decisions",
        )?;
        for (kind, findings) in decisions {
            let set: BTreeSet<i64> = findings.split(',').filter_map(|s| s.parse().ok()).collect();
            let touches = |c: &NewSubject| c.mentions.iter().any(|(f, _, _)| set.contains(&f.0));
            match kind.as_str() {
                "merge" => {
                    let (hit, rest): (Vec<NewSubject>, Vec<NewSubject>) =
                        clusters.drain(..).partition(|c| touches(c));
                    *clusters = rest;
                    if let Some(mut first) = hit.iter().max_by_key(|c| c.mentions.len()).cloned() {
                        let mut seen: BTreeSet<i64> = BTreeSet::new();
                        first.mentions = hit
                            .into_iter()
                            .flat_map(|c| c.mentions)
                            .filter(|(f, _, _)| seen.insert(f.0))
                            .collect();
                        clusters.push(first);
                    }
                }
                "split" => {
                    let mut split = Vec::new();
                    let mut name = None;
                    for c in clusters.iter_mut() {
                        let (out, keep): (Vec<_>, Vec<_>) = c
                            .mentions
                            .drain(..)
                            .partition(|(f, _, _)| set.contains(&f.0));
                        if !out.is_empty() && name.is_none() {
                            name = Some(c.name.clone());
                        }
                        c.mentions = keep;
                        split.extend(out);
                    }
                    clusters.retain(|c| !c.mentions.is_empty());
                    if !split.is_empty() {
                        clusters.push(NewSubject {
                            name: name.unwrap_or_default(),
                            mentions: split,
                        });
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Records a merge or split decision (with its reason, sealed) and applies it to the stored
    /// subjects at once. It is re-applied by every later [`Store::replace_subjects`].
    pub fn record_subject_decision(
        &mut self,
        decision: &SubjectDecision,
        reason: &str,
    ) -> Result<(), StoreError> {
        let (kind, findings): (&str, Vec<i64>) = match decision {
            SubjectDecision::Merge(ids) => {
                let mut v = Vec::new();
                for id in ids {
                    self.subject_exists(*id)?;
                    let mut st = self
                        .conn()
                        .prepare_cached("SELECT finding FROM subject_findings WHERE subject = ?1")
                        .ctx("reading subject links")?;
                    let f = st
                        .query_map([id.0], |r| r.get::<_, i64>(0))
                        .ctx("reading subject links")?
                        .collect::<Result<Vec<_>, _>>()
                        .ctx("reading subject links")?;
                    v.extend(f);
                }
                ("merge", v)
            }
            SubjectDecision::Split(f) => ("split", f.iter().map(|f| f.0).collect()),
        };
        let list: Vec<String> = findings.iter().map(|f| f.to_string()).collect();
        let tx = self
            .conn()
            .unchecked_transaction()
            .ctx("starting a decision")?;
        let note = self.put_note(reason)?;
        tx.execute(
            "INSERT INTO subject_decisions(kind, findings, reason_note, user, ts) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![kind, list.join(","), note, self.actor(), time::now()],
        )
        .ctx("storing a decision")?;
        let id = tx.last_insert_rowid();
        self.audit(
            "subject decision",
            &format!("decision {id}"),
            &format!("kind={kind} findings={} reason=note {note}", findings.len()),
        )?;
        tx.commit().ctx("committing a decision")?;
        self.flush_head()?;
        // Re-apply on the current clusters.
        let current = self.current_clusters()?;
        self.replace_subjects(&current)
    }

    fn current_clusters(&self) -> Result<Vec<NewSubject>, StoreError> {
        let rows: Vec<(i64, i64, Vec<u8>)> = self.rows(
            "SELECT id, key_id, name_enc FROM subjects ORDER BY id",
            [],
            "listing subjects",
        )?;
        let mut out = Vec::new();
        for (id, key_id, name) in rows {
            let key = self.load_key(key_id)?;
            let mut st = self
                .conn()
                .prepare_cached("SELECT finding, confidence, evidence_enc FROM subject_findings WHERE subject = ?1 ORDER BY finding")
                .ctx("reading subject links")?;
            let links = st
                .query_map([id], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, f64>(1)?,
                        r.get::<_, Vec<u8>>(2)?,
                    ))
                })
                .ctx("reading subject links")?
                .collect::<Result<Vec<_>, _>>()
                .ctx("reading subject links")?;
            let mut mentions = Vec::new();
            for (f, c, ev) in links {
                mentions.push((FindingId(f), c as f32, key.open_string("evidence", &ev)?));
            }
            out.push(NewSubject {
                name: key.open_string("subject", &name)?,
                mentions,
            });
        }
        Ok(out)
    }

    fn subject_exists(&self, id: SubjectId) -> Result<i64, StoreError> {
        self.conn()
            .query_row("SELECT key_id FROM subjects WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()
            .ctx("reading a subject")?
            .ok_or(StoreError::NoSuchSubject(id))
    }

    /// Every data subject with counts over documents that are not destroyed. Logged as a view.
    pub fn subjects(&mut self) -> Result<Vec<SubjectInfo>, StoreError> {
        let rows: Vec<(i64, i64, Vec<u8>)> = self.rows(
            "SELECT id, key_id, name_enc FROM subjects ORDER BY id",
            [],
            "listing subjects",
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, key_id, name) in rows {
            let name = match self.load_key(key_id) {
                Ok(k) => k.open_string("subject", &name)?,
                Err(StoreError::Vault(grondslag_vault::VaultError::KekGone { .. })) => {
                    String::new()
                }
                Err(e) => return Err(e),
            };
            let mut st = self
                .conn()
                .prepare_cached(
                    "SELECT f.doc, f.kind, d.special FROM subject_findings sf JOIN findings f ON f.id = sf.finding
                     JOIN documents d ON d.id = f.doc WHERE sf.subject = ?1 AND d.status != 'destroyed'",
                )
                .ctx("reading subject links")?;
            let links = st
                .query_map([id], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .ctx("reading subject links")?
                .collect::<Result<Vec<_>, _>>()
                .ctx("reading subject links")?;
            let docs: BTreeSet<i64> = links.iter().map(|l| l.0).collect();
            let kinds: BTreeSet<String> = links.iter().map(|l| l.1.clone()).collect();
            let special: BTreeSet<String> = links
                .iter()
                .flat_map(|l| {
                    l.2.split(',')
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .chain(
                    kinds
                        .iter()
                        .filter(|k| SPECIAL_KINDS.contains(&k.as_str()))
                        .cloned(),
                )
                .collect();
            out.push(SubjectInfo {
                id: SubjectId(id),
                name,
                documents: docs.len() as u64,
                findings: links.len() as u64,
                kinds: kinds.into_iter().collect(),
                special_categories: special.into_iter().collect(),
            });
        }
        self.audit_view(
            "subjects viewed",
            "subjects",
            &format!("count={}", out.len()),
        )?;
        self.flush_head()?;
        Ok(out)
    }

    /// Every document and finding of one subject, with confidence and evidence. Logged as a view.
    pub fn subject_detail(&mut self, id: SubjectId) -> Result<SubjectDetail, StoreError> {
        let key_id = self.subject_exists(id)?;
        let key = self.load_key(key_id)?;
        let name_enc: Vec<u8> = self
            .conn()
            .query_row("SELECT name_enc FROM subjects WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .ctx("reading a subject")?;
        let name = key.open_string("subject", &name_enc)?;
        let links: Vec<(i64, i64, f64, Vec<u8>)> = self.rows(
            "SELECT f.doc, sf.finding, sf.confidence, sf.evidence_enc FROM subject_findings sf
                     JOIN findings f ON f.id = sf.finding JOIN documents d ON d.id = f.doc
                     WHERE sf.subject = ?1 AND d.status != 'destroyed' ORDER BY f.doc, f.start",
            [id.0],
            "reading subject links",
        )?;
        let evidence: HashMap<i64, (f32, String)> = links
            .iter()
            .map(|(_, f, c, ev)| Ok((*f, (*c as f32, key.open_string("evidence", ev)?))))
            .collect::<Result<_, StoreError>>()?;
        let docs: BTreeSet<i64> = links.iter().map(|l| l.0).collect();
        let mut findings = Vec::new();
        for d in &docs {
            for f in self.findings_of(DocId(*d))? {
                if let Some((c, ev)) = evidence.get(&f.id.0) {
                    findings.push(SubjectFinding {
                        finding: f,
                        confidence: *c,
                        evidence: ev.clone(),
                    });
                }
            }
        }
        self.audit_view(
            "subject viewed",
            &format!("subject {id}"),
            &format!("documents={} findings={}", docs.len(), findings.len()),
        )?;
        self.flush_head()?;
        Ok(SubjectDetail {
            id,
            name,
            documents: docs.into_iter().map(DocId).collect(),
            findings,
        })
    }
}
