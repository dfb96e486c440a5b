//! `kinerja anggaran`: pagu, realisasi and serapan per program and kegiatan and in total, the
//! composition by type of spending, and the budget per sasaran. Every total is derived.

use crate::galat::GalatPerintah;
use crate::tampil::{self, Format, kanan, kiri};
use kinerja_core::anggaran::{self, Serapan};
use kinerja_core::model::{DataInstansi, JenisBelanja};
use kinerja_core::waktu::Tahun;

pub fn jalankan(
    data: &DataInstansi,
    tahun: Tahun,
    format: Format,
) -> Result<String, GalatPerintah> {
    let r = anggaran::ringkas(data, tahun);
    if r.total.pagu.nilai().is_zero() && r.jenis.is_empty() {
        return Err(GalatPerintah::ditolak(format!(
            "tidak ada data anggaran untuk tahun {tahun}"
        )));
    }
    let nama_program = |id| data.program(id).map(|p| p.nama.clone()).unwrap_or_default();
    let nama_kegiatan = |id| {
        data.kegiatan(id)
            .map(|k| k.nama.clone())
            .unwrap_or_default()
    };
    let nama_sasaran = |id| data.label_sasaran_anggaran(id);
    if format == Format::Json {
        return kinerja_json::teks(&kinerja_json::anggaran(data, tahun))
            .map_err(GalatPerintah::Ditolak);
    }

    let csv = format == Format::Csv;
    let uang = |s: &Serapan| -> [String; 3] {
        if csv {
            [
                tampil::csv_angka(Some(s.pagu.nilai()), 2),
                tampil::csv_angka(s.realisasi.map(|x| x.nilai()), 2),
                tampil::csv_angka(s.persen, 2),
            ]
        } else {
            let mut real = tampil::rupiah(s.realisasi);
            if s.belum_dilaporkan > 0 && s.realisasi.is_some() {
                real.push_str(&format!(" ({} pos belum dilaporkan)", s.belum_dilaporkan));
            }
            [tampil::rupiah(Some(s.pagu)), real, tampil::persen(s.persen)]
        }
    };
    let kolom = [
        kiri("No"),
        kiri("Program / Kegiatan"),
        kanan("Pagu (Rp)"),
        kanan("Realisasi (Rp)"),
        kanan("Serapan"),
    ];
    let mut baris = Vec::new();
    for (i, p) in r.program.iter().enumerate() {
        let [a, b, c] = uang(&p.serapan);
        baris.push(vec![
            kinerja_core::angka::romawi(i + 1),
            nama_program(&p.program),
            a,
            b,
            c,
        ]);
        for (j, k) in p.kegiatan.iter().enumerate() {
            let [a, b, c] = uang(&k.serapan);
            baris.push(vec![
                format!("{}.{}", kinerja_core::angka::romawi(i + 1), j + 1),
                nama_kegiatan(&k.kegiatan),
                a,
                b,
                c,
            ]);
        }
    }
    let [a, b, c] = uang(&r.program_total);
    baris.push(vec![String::new(), "JUMLAH PROGRAM".into(), a, b, c]);
    if csv {
        return tampil::csv(&kolom, &baris).map_err(GalatPerintah::ditolak);
    }

    let kolom_j = [
        kiri("Jenis belanja"),
        kanan("Pagu (Rp)"),
        kanan("Proporsi"),
        kanan("Realisasi (Rp)"),
        kanan("Serapan"),
    ];
    let mut baris_j = Vec::new();
    for k in &r.kelompok {
        let [a, b, c] = uang(&k.serapan);
        baris_j.push(vec![
            k.jenis.label().to_string(),
            a,
            tampil::persen(k.proporsi),
            b,
            c,
        ]);
        for j in r
            .jenis
            .iter()
            .filter(|j| j.jenis.kelompok() == k.jenis && j.jenis != k.jenis)
        {
            let [a, b, c] = uang(&j.serapan);
            baris_j.push(vec![
                format!("  {}", j.jenis.label()),
                a,
                tampil::persen(j.proporsi),
                b,
                c,
            ]);
        }
        if k.jenis == JenisBelanja::Langsung
            && r.jenis.iter().any(|j| j.jenis == JenisBelanja::Langsung)
            && r.jenis.iter().any(|j| {
                j.jenis.kelompok() == JenisBelanja::Langsung && j.jenis != JenisBelanja::Langsung
            })
        {
            baris_j.push(vec![
                "  (sebagian tidak dirinci per jenis)".into(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
    }
    let [a, b, c] = uang(&r.total);
    baris_j.push(vec![
        "JUMLAH".into(),
        a,
        tampil::persen(Some(rust_decimal::Decimal::ONE_HUNDRED)),
        b,
        c,
    ]);

    let kolom_s = [
        kiri("Sasaran"),
        kanan("Program"),
        kanan("Pagu (Rp)"),
        kanan("Proporsi"),
        kanan("Realisasi (Rp)"),
        kanan("Serapan"),
    ];
    let baris_s: Vec<Vec<String>> = r
        .sasaran
        .iter()
        .map(|s| {
            let [a, b, c] = uang(&s.serapan);
            vec![
                nama_sasaran(s.sasaran.as_ref()),
                s.program.len().to_string(),
                a,
                tampil::persen(s.proporsi),
                b,
                c,
            ]
        })
        .collect();

    let mut out = format!("Anggaran tahun {tahun} per program dan kegiatan\n");
    out += &tampil::tabel(&kolom, &baris);
    out += "\n\nKomposisi menurut jenis belanja (proporsi terhadap seluruh pagu)\n";
    out += &tampil::tabel(&kolom_j, &baris_j);
    out += "\n\nAnggaran per sasaran (proporsi terhadap anggaran program)\n";
    out += &tampil::tabel(&kolom_s, &baris_s);
    out += "\n\nSerapan = Realisasi / Pagu x 100, dibulatkan 2 desimal (setengah menjauhi nol). \
            Semua jumlah dihitung dari pos anggaran terendah yang dimasukkan.\n";
    Ok(out)
}
