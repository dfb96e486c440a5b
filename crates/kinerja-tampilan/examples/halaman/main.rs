//! Writes every sample page of the web interface (`contoh.rs`) into a folder, with the
//! stylesheet inlined so that each file opens alone in a browser:
//! `cargo run -p kinerja-tampilan --example halaman -- /tmp/kinerja-tampilan`

use kinerja_tampilan::*;
use std::path::Path;
use std::process::ExitCode;

mod contoh;

fn main() -> ExitCode {
    let Some(folder) = std::env::args_os().nth(1) else {
        eprintln!("pakai: cargo run -p kinerja-tampilan --example halaman -- FOLDER");
        return ExitCode::from(2);
    };
    let folder = Path::new(&folder);
    if let Err(e) = std::fs::create_dir_all(folder) {
        eprintln!("{}: {e}", folder.display());
        return ExitCode::FAILURE;
    }
    for (nama, html) in contoh::semua_halaman() {
        let berkas = folder.join(format!("{nama}.html"));
        if let Err(e) = std::fs::write(&berkas, sisipkan_css(&html)) {
            eprintln!("{}: {e}", berkas.display());
            return ExitCode::FAILURE;
        }
    }
    println!("{}", folder.display());
    ExitCode::SUCCESS
}
