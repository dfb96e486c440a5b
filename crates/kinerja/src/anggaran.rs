//! `kinerja anggaran`: pagu, realisasi and serapan per program, kegiatan and sub kegiatan and in
//! total, the composition by type of spending, the budget per sasaran, and (when lines report
//! months) realisasi per triwulan. Every total is derived.

use crate::galat::GalatPerintah;
use crate::tampil::{self, Format, kanan, kiri};
use kinerja_core::anggaran::{self, RingkasanAnggaran, Serapan};
use kinerja_core::model::{DataInstansi, JenisBelanja};
use kinerja_core::waktu::{Periode, Tahun};

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
    if format == Format::Json {
        return kinerja_json::teks(&kinerja_json::anggaran(data, tahun))
            .map_err(GalatPerintah::Ditolak);
    }
    let nama_sasaran = |id| data.label_sasaran_anggaran(id);

    let csv = format == Format::Csv;
    // Pagu murni and pagu perubahan side by side only when the year had a budget change.
    let perubahan = r.total.berubah > 0;
    let uang = |s: &Serapan| -> Vec<String> {
        let mut v = Vec::with_capacity(4);
        if csv {
            if perubahan {
                v.push(tampil::csv_angka(Some(s.pagu_murni.nilai()), 2));
            }
            v.push(tampil::csv_angka(Some(s.pagu.nilai()), 2));
            v.push(tampil::csv_angka(s.realisasi.map(|x| x.nilai()), 2));
            v.push(tampil::csv_angka(s.persen, 2));
        } else {
            let mut real = tampil::rupiah(s.realisasi);
            if s.belum_dilaporkan > 0 && s.realisasi.is_some() {
                real.push_str(&format!(" ({} pos belum dilaporkan)", s.belum_dilaporkan));
            }
            if perubahan {
                v.push(tampil::rupiah(Some(s.pagu_murni)));
            }
            v.extend([tampil::rupiah(Some(s.pagu)), real, tampil::persen(s.persen)]);
        }
        v
    };
    let kolom_uang = |awal: Vec<tampil::Kolom>| {
        let mut k = awal;
        if perubahan {
            k.push(kanan("Pagu Murni (Rp)"));
            k.push(kanan("Pagu Berlaku (Rp)"));
        } else {
            k.push(kanan("Pagu (Rp)"));
        }
        k.extend([kanan("Realisasi (Rp)"), kanan("Serapan")]);
        k
    };
    let tingkat = baris_tingkat(data, &r);
    let ada_sub = tingkat.iter().any(|b| b.kedalaman == 2);
    let kolom = kolom_uang(vec![
        kiri("No"),
        kiri(if ada_sub {
            "Program / Kegiatan / Sub Kegiatan"
        } else {
            "Program / Kegiatan"
        }),
    ]);
    let mut baris = Vec::new();
    for b in &tingkat {
        let mut v = vec![b.nomor.clone(), b.nama.clone()];
        v.extend(uang(b.serapan));
        baris.push(v);
    }
    let mut v = vec![String::new(), "JUMLAH PROGRAM".into()];
    v.extend(uang(&r.program_total));
    baris.push(v);
    if csv {
        return tampil::csv(&kolom, &baris).map_err(GalatPerintah::ditolak);
    }

    let kolom_j = kolom_uang(vec![kiri("Jenis belanja"), kanan("Proporsi")]);
    let mut baris_j = Vec::new();
    for k in &r.kelompok {
        let mut v = vec![k.jenis.label().to_string(), tampil::persen(k.proporsi)];
        v.extend(uang(&k.serapan));
        baris_j.push(v);
        for j in r
            .jenis
            .iter()
            .filter(|j| j.jenis.kelompok() == k.jenis && j.jenis != k.jenis)
        {
            let mut v = vec![format!("  {}", j.jenis.label()), tampil::persen(j.proporsi)];
            v.extend(uang(&j.serapan));
            baris_j.push(v);
        }
        if k.jenis == JenisBelanja::Langsung
            && r.jenis.iter().any(|j| j.jenis == JenisBelanja::Langsung)
            && r.jenis.iter().any(|j| {
                j.jenis.kelompok() == JenisBelanja::Langsung && j.jenis != JenisBelanja::Langsung
            })
        {
            let mut v = vec!["  (sebagian tidak dirinci per jenis)".to_string()];
            v.resize(kolom_j.len(), String::new());
            baris_j.push(v);
        }
    }
    let mut v = vec![
        "JUMLAH".to_string(),
        tampil::persen(Some(rust_decimal::Decimal::ONE_HUNDRED)),
    ];
    v.extend(uang(&r.total));
    baris_j.push(v);

    let kolom_s = kolom_uang(vec![kiri("Sasaran"), kanan("Program"), kanan("Proporsi")]);
    let baris_s: Vec<Vec<String>> = r
        .sasaran
        .iter()
        .map(|s| {
            let mut v = vec![
                nama_sasaran(s.sasaran.as_ref()),
                s.program.len().to_string(),
                tampil::persen(s.proporsi),
            ];
            v.extend(uang(&s.serapan));
            v
        })
        .collect();

    let mut out = match ada_sub {
        true => format!("Anggaran tahun {tahun} per program, kegiatan dan sub kegiatan\n"),
        false => format!("Anggaran tahun {tahun} per program dan kegiatan\n"),
    };
    out += &tampil::tabel(&kolom, &baris);
    out += "\n\nKomposisi menurut jenis belanja (proporsi terhadap seluruh pagu)\n";
    out += &tampil::tabel(&kolom_j, &baris_j);
    out += "\n\nAnggaran per sasaran (proporsi terhadap anggaran program)\n";
    out += &tampil::tabel(&kolom_s, &baris_s);
    if r.total.ada_bulanan() {
        out += "\n\nRealisasi per triwulan dari realisasi bulanan (dalam kurung: serapan Januari s.d. akhir triwulan)\n";
        out += &tabel_triwulan(&tingkat, &r.program_total);
    }
    out += "\n\nSerapan = Realisasi / Pagu x 100, dibulatkan 2 desimal (setengah menjauhi nol)";
    if perubahan {
        out +=
            ", terhadap pagu yang berlaku (pagu perubahan APBD-P bila ada, selain itu pagu murni)";
    }
    out += ". Semua jumlah dihitung dari pos anggaran terendah yang dimasukkan.\n";
    Ok(out)
}

/// One row of the budget table: a program, kegiatan or sub kegiatan, numbered by its code when
/// the data has one, else I, I.1, I.1.1.
struct BarisTingkat<'a> {
    kedalaman: u8,
    nomor: String,
    nama: String,
    serapan: &'a Serapan,
}

fn baris_tingkat<'a>(data: &DataInstansi, r: &'a RingkasanAnggaran) -> Vec<BarisTingkat<'a>> {
    let mut v = Vec::new();
    let nomor = |kode: Option<&String>, urut: String| kode.cloned().unwrap_or(urut);
    for (i, p) in r.program.iter().enumerate() {
        let prog = data.program(&p.program);
        let no_p = kinerja_core::angka::romawi(i + 1);
        v.push(BarisTingkat {
            kedalaman: 0,
            nomor: nomor(prog.and_then(|x| x.kode.as_ref()), no_p.clone()),
            nama: prog.map(|x| x.nama.clone()).unwrap_or_default(),
            serapan: &p.serapan,
        });
        for (j, k) in p.kegiatan.iter().enumerate() {
            let keg = data.kegiatan(&k.kegiatan);
            let no_k = format!("{no_p}.{}", j + 1);
            v.push(BarisTingkat {
                kedalaman: 1,
                nomor: nomor(keg.and_then(|x| x.kode.as_ref()), no_k.clone()),
                nama: keg.map(|x| x.nama.clone()).unwrap_or_default(),
                serapan: &k.serapan,
            });
            for (l, s) in k.sub_kegiatan.iter().enumerate() {
                let sub = data.sub_kegiatan.iter().find(|x| x.id == s.sub_kegiatan);
                v.push(BarisTingkat {
                    kedalaman: 2,
                    nomor: nomor(
                        sub.and_then(|x| x.kode.as_ref()),
                        format!("{no_k}.{}", l + 1),
                    ),
                    nama: sub.map(|x| x.nama.clone()).unwrap_or_default(),
                    serapan: &s.serapan,
                });
            }
        }
    }
    v
}

fn tabel_triwulan(tingkat: &[BarisTingkat], jumlah: &Serapan) -> String {
    let kolom = [
        kiri("No"),
        kiri("Program / Kegiatan / Sub Kegiatan"),
        kanan("Triwulan I"),
        kanan("Triwulan II"),
        kanan("Triwulan III"),
        kanan("Triwulan IV"),
    ];
    // Each cell: the triwulan's realisasi, and in brackets serapan from January to its end.
    let baris_satu = |nomor: &str, nama: &str, s: &Serapan| {
        let mut v = vec![nomor.to_string(), nama.to_string()];
        v.extend(Periode::TRIWULAN.map(|p| match s.triwulan(p) {
            Some(r) => format!(
                "{} ({})",
                tampil::rupiah(Some(r)),
                tampil::persen(s.persen_sampai_triwulan(p))
            ),
            None => "-".into(),
        }));
        v
    };
    // Only what reports months: a line with one figure for the year has no triwulan.
    let mut baris: Vec<Vec<String>> = tingkat
        .iter()
        .filter(|b| b.serapan.ada_bulanan())
        .map(|b| baris_satu(&b.nomor, &b.nama, b.serapan))
        .collect();
    baris.push(baris_satu("", "JUMLAH PROGRAM", jumlah));
    let mut out = tampil::tabel(&kolom, &baris);
    if jumlah.tanpa_rincian_bulan > 0 {
        out += &format!(
            "\n{} pos hanya melaporkan realisasi setahun (tanpa rincian bulan) dan tidak masuk kolom triwulan.",
            jumlah.tanpa_rincian_bulan
        );
    }
    out
}
