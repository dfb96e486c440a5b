// Embeds the bundled example (contoh/mumbulsari/*.toml) so that `kinerja` runs on it from any
// directory, with no data file at hand.
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from("pub const CONTOH: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        out.push_str(&format!(
            "    (\"contoh/mumbulsari/{name}\", include_str!({:?})),\n",
            f.canonicalize().unwrap_or_else(|_| f.clone())
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("contoh.rs");
    std::fs::write(dest, out).expect("write contoh.rs");
}
