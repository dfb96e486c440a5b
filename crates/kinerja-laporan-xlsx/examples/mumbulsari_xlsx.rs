//! Renders the Mumbulsari example report as XLSX and measures it:
//! `cargo run --release -p kinerja-laporan-xlsx --example mumbulsari_xlsx -- OUT.xlsx [RUNS]`.

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let keluar = args.next().unwrap_or_else(|| "mumbulsari.xlsx".into());
    let kali: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(11);
    let akar = concat!(env!("CARGO_MANIFEST_DIR"), "/../../contoh/mumbulsari");
    let data = kinerja_berkas::baca(std::path::Path::new(akar))?;
    let opsi = kinerja_laporan::OpsiLaporan {
        versi: env!("CARGO_PKG_VERSION").into(),
        // The Mumbulsari seed has open reviu findings (stated figures that disagree with the
        // computed ones): print them in the reviu annex rather than refuse.
        paksa: std::env::var_os("KINERJA_TANPA_PAKSA").is_none(),
        ..Default::default()
    };
    let d = kinerja_laporan::susun(&data, kinerja_core::waktu::Tahun::new(2020)?, &opsi)?;
    let mut waktu = Vec::new();
    let mut bytes = Vec::new();
    for _ in 0..kali {
        let t = Instant::now();
        bytes = kinerja_laporan_xlsx::xlsx(&d)?;
        waktu.push(t.elapsed());
    }
    waktu.sort();
    std::fs::write(&keluar, &bytes)?;
    println!(
        "xlsx: {} bytes, median {:.1} ms over {kali} runs (min {:.1}, max {:.1}) -> {keluar}",
        bytes.len(),
        waktu[kali / 2].as_secs_f64() * 1e3,
        waktu[0].as_secs_f64() * 1e3,
        waktu[kali - 1].as_secs_f64() * 1e3
    );
    Ok(())
}
