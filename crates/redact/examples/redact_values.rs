//! Developer tool: redact the given values from a file and write the result.
//! `cargo run -p grondslag-redact --example redact_values -- IN OUT kind=value...`

use grondslag_redact::{redact_pdf_with_warnings, Format, Grounds, Span};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, values @ ..] = args.as_slice() else {
        return Err("usage: redact_values IN OUT kind=value...".into());
    };
    let original = std::fs::read(input)?;
    let format = Format::detect(input, &original)?;
    let mut text = String::new();
    let mut spans = Vec::new();
    for v in values {
        let (kind, value) = v.split_once('=').ok_or("expected kind=value")?;
        let start = text.len();
        text.push_str(value);
        spans.push(Span::new(start, text.len(), kind));
        text.push('\n');
    }
    let grounds = Grounds::woo_default();
    let out = if format == Format::Pdf {
        let (out, warnings) = redact_pdf_with_warnings(&original, &text, &spans, &grounds)?;
        for w in warnings {
            eprintln!("warning: {w}");
        }
        out
    } else {
        grondslag_redact::redact(format, &original, &text, &spans, &grounds)?
    };
    std::fs::write(output, out)?;
    Ok(())
}
