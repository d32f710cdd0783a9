//! Inlining form XObjects into the page content, so that the text inside them (an OCR text layer
//! from ocrmypdf sits in one) is laid out, located and cut like any page text, and the original
//! form — which would still hold the removed glyphs — is no longer referenced from the page.

use std::collections::{BTreeSet, HashMap};

use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::{malformed, Matrix};
use crate::RedactError;

/// How deep forms inside forms are followed.
const MAX_DEPTH: usize = 8;
/// Operations a page may grow to by inlining (a form drawn thousands of times stops here).
const MAX_OPS: usize = 2_000_000;

/// Resource categories whose names content operators refer to.
const CATEGORIES: [&[u8]; 7] = [
    b"Font",
    b"XObject",
    b"ExtGState",
    b"ColorSpace",
    b"Pattern",
    b"Shading",
    b"Properties",
];

/// The page's operations with every form XObject drawn by the page (and forms in those, up to
/// [`MAX_DEPTH`]) inlined, and its resources merged into one direct dictionary that is set on
/// the page. Returns whether a form was left un-inlined (too deep or too large): text in it
/// cannot be rewritten.
pub(super) fn inline_forms(
    doc: &mut Document,
    page_id: ObjectId,
    mut ops: Vec<Operation>,
    inline_images: &mut super::inline::Table,
) -> Result<(Vec<Operation>, bool), RedactError> {
    let mut resources = page_resources(doc, page_id);
    let mut inlined_names: BTreeSet<Vec<u8>> = BTreeSet::new();
    let mut rename_counter = 0usize;
    let mut left_over = false;
    for depth in 0..=MAX_DEPTH {
        let mut changed = false;
        let mut out = Vec::with_capacity(ops.len());
        for op in ops {
            let form = (op.operator == "Do")
                .then(|| op.operands.first().and_then(|n| n.as_name().ok()))
                .flatten()
                .and_then(|name| form_id(doc, &resources, name).map(|id| (name.to_vec(), id)));
            let Some((name, id)) = form else {
                out.push(op);
                continue;
            };
            if depth == MAX_DEPTH || out.len() > MAX_OPS {
                left_over = true;
                out.push(op);
                continue;
            }
            let Some(expanded) =
                expand(doc, id, &mut resources, &mut rename_counter, inline_images)?
            else {
                // Not decodable: leave the Do; the page is flagged so that a value there fails.
                left_over = true;
                out.push(op);
                continue;
            };
            inlined_names.insert(name);
            out.extend(expanded);
            changed = true;
        }
        ops = out;
        if !changed {
            break;
        }
    }
    // A name still drawn somewhere must stay; the others are dropped so the form is not written.
    let still_used: BTreeSet<Vec<u8>> = ops
        .iter()
        .filter(|op| op.operator == "Do")
        .filter_map(|op| op.operands.first().and_then(|n| n.as_name().ok()))
        .map(<[u8]>::to_vec)
        .collect();
    if let Ok(Object::Dictionary(xobjects)) = resources.get_mut(b"XObject") {
        for name in inlined_names.difference(&still_used) {
            xobjects.remove(name);
        }
    }
    doc.get_dictionary_mut(page_id)
        .map_err(malformed)?
        .set("Resources", resources);
    Ok((ops, left_over))
}

/// The page's resources (own or inherited) as a direct dictionary with direct category
/// dictionaries, so that names can be added.
fn page_resources(doc: &Document, page_id: ObjectId) -> Dictionary {
    let mut resources = match doc.get_page_resources(page_id) {
        Ok((Some(res), _)) => res.clone(),
        Ok((None, ids)) => ids
            .first()
            .and_then(|id| doc.get_dictionary(*id).ok())
            .cloned()
            .unwrap_or_default(),
        Err(_) => Dictionary::new(),
    };
    for category in CATEGORIES {
        let direct = resources
            .get(category)
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok())
            .cloned();
        if let Some(d) = direct {
            resources.set(category, d);
        }
    }
    resources
}

fn form_id(doc: &Document, resources: &Dictionary, name: &[u8]) -> Option<ObjectId> {
    let xobjects = resources.get(b"XObject").ok()?.as_dict().ok()?;
    let id = xobjects.get(name).ok()?.as_reference().ok()?;
    let stream = doc.get_object(id).ok()?.as_stream().ok()?;
    let is_form = stream
        .dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|n| n == b"Form");
    is_form.then_some(id)
}

/// The operations that draw the form in place: `q`, its matrix, a clip to its box, its content
/// with resource names mapped into the page's resources, `Q`.
fn expand(
    doc: &Document,
    id: ObjectId,
    resources: &mut Dictionary,
    counter: &mut usize,
    inline_images: &mut super::inline::Table,
) -> Result<Option<Vec<Operation>>, RedactError> {
    let stream = doc
        .get_object(id)
        .and_then(Object::as_stream)
        .map_err(malformed)?;
    let Ok(data) = stream.decompressed_content() else {
        return Ok(None);
    };
    let Ok(content) = super::inline::decode(&data, inline_images) else {
        return Ok(None);
    };
    let form_res = stream
        .dict
        .get(b"Resources")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok());
    // Per category: form name -> page name.
    let mut renames: HashMap<(&'static [u8], Vec<u8>), Vec<u8>> = HashMap::new();
    if let Some(form_res) = form_res {
        for category in CATEGORIES {
            let Some(entries) = form_res
                .get(category)
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok())
            else {
                continue;
            };
            let target = match resources.get_mut(category) {
                Ok(Object::Dictionary(d)) => d,
                _ => {
                    resources.set(category, Dictionary::new());
                    match resources.get_mut(category) {
                        Ok(Object::Dictionary(d)) => d,
                        _ => continue,
                    }
                }
            };
            for (name, value) in entries.iter() {
                let new_name = match target.get(name) {
                    Ok(existing) if existing == value => name.clone(),
                    Ok(_) => loop {
                        *counter += 1;
                        let mut candidate = name.clone();
                        candidate.extend_from_slice(format!("_gf{counter}").as_bytes());
                        if !target.has(&candidate) {
                            break candidate;
                        }
                    },
                    Err(_) => name.clone(),
                };
                target.set(new_name.clone(), value.clone());
                renames.insert((category, name.clone()), new_name);
            }
        }
        // Procedure sets and other keys do not matter for drawing.
    }
    let rename = |category: &'static [u8], obj: &mut Object| {
        if let Object::Name(n) = obj {
            if let Some(new) = renames.get(&(category, n.clone())) {
                *n = new.clone();
            }
        }
    };
    let mut ops = vec![Operation::new("q", vec![])];
    if let Some(m) = stream
        .dict
        .get(b"Matrix")
        .ok()
        .and_then(|o| o.as_array().ok())
        .and_then(|a| Matrix::from_operands(a))
    {
        ops.push(Operation::new(
            "cm",
            m.0.iter().map(|v| Object::Real(*v)).collect(),
        ));
    }
    if let Some(b) = stream
        .dict
        .get(b"BBox")
        .ok()
        .and_then(|o| o.as_array().ok())
        .filter(|a| a.len() == 4)
    {
        let n: Vec<f32> = b.iter().filter_map(super::number).collect();
        if n.len() == 4 {
            ops.push(Operation::new(
                "re",
                vec![
                    Object::Real(n[0].min(n[2])),
                    Object::Real(n[1].min(n[3])),
                    Object::Real((n[2] - n[0]).abs()),
                    Object::Real((n[3] - n[1]).abs()),
                ],
            ));
            ops.push(Operation::new("W", vec![]));
            ops.push(Operation::new("n", vec![]));
        }
    }
    for mut op in content.operations {
        let o = &mut op.operands;
        match op.operator.as_str() {
            "Tf" | "Do" | "gs" | "sh" | "cs" | "CS" => {
                let category: &'static [u8] = match op.operator.as_str() {
                    "Tf" => b"Font",
                    "Do" => b"XObject",
                    "gs" => b"ExtGState",
                    "sh" => b"Shading",
                    _ => b"ColorSpace",
                };
                if let Some(first) = o.first_mut() {
                    rename(category, first);
                }
            }
            "scn" | "SCN" => {
                if let Some(last) = o.last_mut() {
                    rename(b"Pattern", last);
                }
            }
            "BDC" | "DP" => {
                if let Some(props) = o.get_mut(1) {
                    rename(b"Properties", props);
                }
            }
            _ => {}
        }
        ops.push(op);
    }
    ops.push(Operation::new("Q", vec![]));
    Ok(Some(ops))
}
