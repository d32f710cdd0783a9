//! Developer commands: `cargo xtask eval` (score the detector on an annotated corpus) and
//! `cargo xtask gen` (generate synthetic documents).

mod eval;
mod fuzzdict;
mod gazetteer;
mod gen;
mod holdings;
mod resolve_eval;
mod train_names;

fn main() -> anyhow::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let cmd = if args.is_empty() {
        String::new()
    } else {
        args.remove(0)
    };
    match cmd.as_str() {
        "eval" => eval::main(args),
        "gen" => gen::main(args),
        "holdings" => holdings::main(args),
        "resolve-eval" => resolve_eval::main(args),
        "fuzz-dict" => fuzzdict::main(args),
        "gazetteer" => gazetteer::main(args),
        "train-names" => train_names::main(args),
        _ => {
            eprintln!("usage: cargo xtask <eval|gen|holdings|resolve-eval|fuzz-dict|gazetteer|train-names> [ARGS...]  (`cargo xtask eval --help`)");
            std::process::exit(2);
        }
    }
}
