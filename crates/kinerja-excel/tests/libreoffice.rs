//! The template as a user sees it: opened by LibreOffice (headless) and saved as CSV, cell
//! contents as shown. Skipped without LibreOffice, except under KINERJA_CI.

mod bersama;

use bersama::*;
use std::path::PathBuf;
use std::process::Command;

fn libreoffice() -> Option<&'static str> {
    let ada = |c: &str| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if let Some(c) = ["soffice", "libreoffice"].into_iter().find(|c| ada(c)) {
        return Some(c);
    }
    assert!(
        std::env::var_os("KINERJA_CI").is_none(),
        "KINERJA_CI is set but LibreOffice (soffice) is not installed"
    );
    eprintln!("LibreOffice not installed: skipping the conversion test");
    None
}

/// Digits only: the thousands and decimal marks depend on the converter's locale.
fn angka(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

#[test]
fn libreoffice_shows_the_values_an_operator_fills_in() {
    let Some(lo) = libreoffice() else { return };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("lembar-lo");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("isian.xlsx");
    let d = contoh();
    std::fs::write(
        &f,
        kinerja_excel::templat(&d, &mumbulsari(), tahun(2020)).unwrap(),
    )
    .unwrap();
    // Every sheet to its own CSV (12th option, -1), contents as shown (9th option).
    let o = Command::new(lo)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profil").display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir",
        ])
        .arg(&dir)
        .arg(&f)
        .output()
        .expect("run soffice");
    let galat = String::from_utf8_lossy(&o.stderr);
    // LibreOffice without Calc (Debian: libreoffice-writer only) cannot open a workbook.
    if galat.contains("could not be loaded") && std::env::var_os("KINERJA_CI").is_none() {
        eprintln!("LibreOffice Calc not installed (apt-get install libreoffice-calc): skipping");
        return;
    }
    assert!(o.status.success(), "{galat}");
    let baca = |lembar: &str| {
        std::fs::read_to_string(dir.join(format!("isian-{lembar}.csv")))
            .unwrap_or_else(|e| panic!("{lembar}: {e}"))
    };
    let anggaran = baca("Anggaran");
    let baris = anggaran
        .lines()
        .find(|l| l.starts_with("pos-SK-1,"))
        .unwrap_or_else(|| panic!("{anggaran}"));
    assert!(baris.contains("7.01.01.2.01.0001"), "{baris}");
    assert!(baris.contains("Penyediaan Jasa Surat Menyurat"), "{baris}");
    // Pagu 10.000.000,00, perubahan 12.500.000,50, January 1.000.000,00, March 2.000.000,25 and
    // their sum 3.000.000,25, each shown with two decimals.
    let sel = csv_sel(baris);
    let kepala = csv_sel(anggaran.lines().nth(3).unwrap());
    for (judul, harap) in [
        ("Pagu", "1000000000"),
        ("Pagu Perubahan", "1250000050"),
        ("Januari", "100000000"),
        ("Maret", "200000025"),
        ("Jumlah Realisasi", "300000025"),
    ] {
        let i = kepala.iter().position(|k| k == judul).unwrap();
        assert_eq!(angka(&sel[i]), harap, "{judul} in {baris}");
    }
    let realisasi = baca("Realisasi");
    assert!(realisasi.contains("B (70,89 %)"), "{realisasi}");
    assert!(realisasi.contains("86,90 %"), "{realisasi}");
    let petunjuk = baca("Petunjuk");
    assert!(petunjuk.contains("mumbulsari"), "{petunjuk}");
    assert!(petunjuk.contains("Cara mengisi"), "{petunjuk}");
}

/// The cells of one CSV line (quotes around text with commas).
fn csv_sel(baris: &str) -> Vec<String> {
    let mut v = Vec::new();
    let mut s = String::new();
    let mut kutip = false;
    for c in baris.chars() {
        match c {
            '"' => kutip = !kutip,
            ',' if !kutip => v.push(std::mem::take(&mut s)),
            c => s.push(c),
        }
    }
    v.push(s);
    v
}
