// Embeds the bundled examples (contoh/mumbulsari/*.toml, and the example pemda's data sets
// contoh/pemda-jember/{kabupaten,dinkes,dispendukcapil}/*.toml) so that `kinerja` runs on them
// from any directory, with no data file at hand.
use std::path::Path;

fn berkas(folder: &str, out: &mut String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(folder);
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    out.push_str("&[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        out.push_str(&format!(
            "    (\"{folder}/{name}\", include_str!({:?})),\n",
            f.canonicalize().unwrap_or_else(|_| f.clone())
        ));
    }
    out.push(']');
}

fn main() {
    let mut out = String::from("pub const CONTOH: &[(&str, &str)] = ");
    berkas("contoh/mumbulsari", &mut out);
    out.push_str(";\n");
    out.push_str("/// The example pemda's data sets, each a folder's files, in import order.\n");
    out.push_str("pub const CONTOH_PEMDA: &[&[(&str, &str)]] = &[\n");
    for f in [
        "contoh/pemda-jember/kabupaten",
        "contoh/pemda-jember/dinkes",
        "contoh/pemda-jember/dispendukcapil",
    ] {
        berkas(f, &mut out);
        out.push_str(",\n");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("contoh.rs");
    std::fs::write(dest, out).expect("write contoh.rs");
}
