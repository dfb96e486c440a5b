//! The dashboard of one instansi and year.

use crate::Konteks;
use crate::PanelCatatan;
use crate::bantu::{
    CapaianTampil, Lencana, TAK_TERSEDIA, instansi_utama, lebar_batang, nilai, persen, render,
    rupiah,
};
use crate::riwayat::TrenReorganisasi;
use crate::tata::{Bagian, Tata};
use askama::Template;
use kinerja_core::anggaran::{Serapan, ringkas};
use kinerja_core::capaian;
use kinerja_core::model::{DataInstansi, Indikator};
use kinerja_core::pengukuran::{AsalRealisasi, Indeks, ukur};
use kinerja_core::waktu::Tahun;
use kinerja_grafik as grafik;
use rust_decimal::Decimal;

pub(crate) struct Kartu {
    pub judul: &'static str,
    pub nilai: String,
    pub ket: String,
    pub lencana: Option<Lencana>,
    pub lebar: Option<u32>,
}

pub(crate) struct BarisSasaran {
    pub nomor: String,
    pub uraian: String,
    pub terukur: String,
    pub capaian: Option<String>,
    pub lebar: u32,
    pub lencana: Option<Lencana>,
}

pub(crate) struct BarisIndikator {
    pub nomor: String,
    pub uraian: String,
    pub satuan: Option<String>,
    pub target: Option<String>,
    pub dokumen: Option<&'static str>,
    pub realisasi: Option<String>,
    pub asal: Option<String>,
    pub capaian: CapaianTampil,
    pub lencana: Option<Lencana>,
}

pub(crate) struct KelompokIndikator {
    pub judul: String,
    pub baris: Vec<BarisIndikator>,
}

pub(crate) struct BarisSerapan {
    pub kode: Option<String>,
    pub nama: String,
    /// The pagu in force.
    pub pagu: String,
    /// The original pagu (APBD murni); the same figure as `pagu` when no line changed.
    pub pagu_murni: String,
    pub realisasi: Option<String>,
    pub serapan: Option<String>,
    pub lebar: u32,
    pub catatan: Option<String>,
}

pub(crate) struct BarisTren {
    pub nama: String,
    pub nilai: Vec<Option<String>>,
}

#[derive(Template)]
#[template(path = "dasbor.html")]
struct Halaman {
    l: Tata,
    instansi: String,
    tahun: u16,
    kartu: Vec<Kartu>,
    sasaran: Vec<BarisSasaran>,
    indikator: Vec<KelompokIndikator>,
    grafik_capaian: Option<String>,
    program: Vec<BarisSerapan>,
    total_program: Option<BarisSerapan>,
    grafik_serapan: Option<String>,
    tren_tahun: Vec<u16>,
    tren: Vec<BarisTren>,
    grafik_tren: Option<String>,
    riwayat: Option<crate::riwayat::BagianRiwayat>,
    skala_nama: String,
    skala: Vec<(Lencana, String)>,
    catatan: PanelCatatan,
    aksi_catatan: String,
    alamat_reviu: String,
}

pub(crate) fn asal_teks(a: &AsalRealisasi) -> String {
    match a {
        AsalRealisasi::Tahunan => "realisasi tahunan".into(),
        AsalRealisasi::Triwulan { cara, jumlah } => {
            format!("{} ({jumlah} triwulan)", cara.label())
        }
        AsalRealisasi::Rumus { .. } => "dihitung dari rumus atas data elemen".into(),
        AsalRealisasi::Skm { .. } => "dihitung dari survei SKM".into(),
    }
}

pub(crate) fn baris_serapan(kode: Option<String>, nama: String, s: &Serapan) -> BarisSerapan {
    let catatan = if s.realisasi.is_none() {
        Some("realisasi belum dilaporkan".to_string())
    } else if s.belum_dilaporkan > 0 {
        Some(format!(
            "{} pos anggaran belum dilaporkan",
            s.belum_dilaporkan
        ))
    } else {
        None
    };
    BarisSerapan {
        kode,
        nama,
        pagu: rupiah(s.pagu),
        pagu_murni: rupiah(s.pagu_murni),
        realisasi: s.realisasi.map(rupiah),
        serapan: s.persen.map(persen),
        lebar: lebar_batang(s.persen),
        catatan,
    }
}

fn skala_legenda(ix: &Indeks<'_>) -> Vec<(Lencana, String)> {
    let n = ix.skala.pita.len();
    let pita = &ix.skala.pita;
    pita.iter()
        .enumerate()
        .map(|(i, p)| {
            let lencana = Lencana::dari_predikat(
                &kinerja_core::predikat::Predikat {
                    label: p.label.clone(),
                    peringkat: n - 1 - i,
                    terdefinisi: true,
                },
                n,
            );
            let ket = match p.batas_bawah {
                Some(b) => format!("{} {}", if p.termasuk_batas { "≥" } else { ">" }, persen(b)),
                None => match i.checked_sub(1).and_then(|j| pita.get(j)) {
                    Some(atas) => match atas.batas_bawah {
                        Some(b) => format!(
                            "{} {}",
                            if atas.termasuk_batas { "<" } else { "≤" },
                            persen(b)
                        ),
                        None => String::new(),
                    },
                    None => String::new(),
                },
            };
            (lencana, ket)
        })
        .collect()
}

/// The dashboard, with the reviewers' notes (`catatan`) at the end.
pub fn dasbor(k: &Konteks, data: &DataInstansi, tahun: Tahun, catatan: &PanelCatatan) -> String {
    dasbor_reorganisasi(k, data, tahun, catatan, &TrenReorganisasi::default())
}

/// The dashboard of an instansi formed by a reorganisation: also its indicators' earlier
/// years from its predecessors (`riwayat`; nothing more when no reorganisation formed it).
pub fn dasbor_reorganisasi(
    k: &Konteks,
    data: &DataInstansi,
    tahun: Tahun,
    catatan: &PanelCatatan,
    riwayat: &TrenReorganisasi,
) -> String {
    let ix = Indeks::new(data);
    let tabel = ukur(&ix, tahun);
    let n_pita = ix.skala.pita.len();
    let instansi = instansi_utama(data)
        .map(|i| i.nama.clone())
        .unwrap_or_default();
    let l = Tata::baru(
        k,
        format!("Dasbor kinerja {}", tahun.get()),
        Bagian::Dasbor,
        Some(data),
    );

    // Per sasaran.
    let nomor_sasaran = |id: &kinerja_core::id::SasaranId| {
        ix.sasaran(id)
            .map(|s| s.nomor.to_string())
            .unwrap_or_default()
    };
    let sasaran: Vec<BarisSasaran> = tabel
        .sasaran
        .iter()
        .map(|c| BarisSasaran {
            nomor: nomor_sasaran(&c.sasaran),
            uraian: ix
                .sasaran(&c.sasaran)
                .map(|s| s.uraian.clone())
                .unwrap_or_else(|| c.sasaran.as_str().to_string()),
            terukur: format!("{} dari {}", c.jumlah_terukur, c.jumlah_indikator),
            capaian: c.capaian.map(persen),
            lebar: lebar_batang(c.capaian),
            lencana: c
                .predikat
                .as_ref()
                .map(|p| Lencana::dari_predikat(p, n_pita)),
        })
        .collect();

    // Per indicator, grouped by sasaran.
    let mut indikator: Vec<KelompokIndikator> = Vec::new();
    let mut batang: Vec<(String, Option<Decimal>)> = Vec::new();
    for b in &tabel.baris {
        let ind: Option<&Indikator> = ix.indikator(&b.indikator);
        let judul = ix
            .sasaran(&b.sasaran)
            .map(|s| format!("Sasaran {}: {}", s.nomor, s.uraian))
            .unwrap_or_default();
        if indikator.last().map(|g| &g.judul) != Some(&judul) {
            indikator.push(KelompokIndikator {
                judul,
                baris: Vec::new(),
            });
        }
        let uraian = ind
            .map(|i| i.uraian.clone())
            .unwrap_or_else(|| b.indikator.as_str().to_string());
        batang.push((uraian.clone(), b.capaian.persen()));
        let baris = BarisIndikator {
            nomor: format!(
                "{}.{}",
                nomor_sasaran(&b.sasaran),
                ind.map(|i| i.nomor).unwrap_or(0)
            ),
            uraian,
            satuan: ind.and_then(|i| i.satuan.clone()),
            target: nilai(b.target.as_ref()),
            dokumen: b.dokumen_target.map(|d| d.label_rencana(ix.data.rpjmd())),
            realisasi: b.realisasi.as_ref().map(|r| r.nilai.teks().to_string()),
            asal: b.realisasi.as_ref().map(|r| asal_teks(&r.asal)),
            capaian: CapaianTampil::dari(&b.capaian),
            lencana: b
                .predikat
                .as_ref()
                .map(|p| Lencana::dari_predikat(p, n_pita)),
        };
        if let Some(g) = indikator.last_mut() {
            g.baris.push(baris);
        }
    }

    // Key figures.
    let semua: Vec<_> = tabel.baris.iter().map(|b| b.capaian).collect();
    let rata = capaian::rata_rata(&semua);
    let terukur = semua.iter().filter(|c| c.persen().is_some()).count();
    let ang = ringkas(data, tahun);
    let mut kartu = vec![
        Kartu {
            judul: "Capaian rata-rata indikator",
            nilai: rata.map(persen).unwrap_or_else(|| TAK_TERSEDIA.into()),
            ket: if rata.is_some() {
                format!("rata-rata {terukur} indikator sasaran yang terukur")
            } else {
                "belum ada indikator yang dapat dihitung capaiannya".into()
            },
            lencana: rata.map(|r| Lencana::dari_predikat(&ix.skala.predikat(r), n_pita)),
            lebar: rata.map(|r| lebar_batang(Some(r))),
        },
        Kartu {
            judul: "Indikator terukur",
            nilai: format!("{terukur} dari {}", semua.len()),
            ket: format!("{} sasaran strategis", tabel.sasaran.len()),
            lencana: None,
            lebar: None,
        },
    ];
    kartu.push(Kartu {
        judul: "Serapan anggaran",
        nilai: ang
            .total
            .persen
            .map(persen)
            .unwrap_or_else(|| TAK_TERSEDIA.into()),
        ket: match (ang.total.realisasi, ang.total.belum_dilaporkan) {
            (None, _) if ang.total.pagu.nilai().is_zero() => "belum ada pagu tahun ini".into(),
            (None, _) => "realisasi belum dilaporkan".into(),
            (Some(r), 0) => format!("realisasi {}", rupiah(r)),
            (Some(r), n) => format!("realisasi {} · {n} pos belum dilaporkan", rupiah(r)),
        },
        lencana: None,
        lebar: ang.total.persen.map(|p| lebar_batang(Some(p))),
    });
    kartu.push(Kartu {
        judul: "Pagu anggaran",
        nilai: rupiah(ang.total.pagu),
        ket: format!("{} program dengan kegiatan", ang.program.len()),
        lencana: None,
        lebar: None,
    });

    // Budget per program.
    let program: Vec<BarisSerapan> = ang
        .program
        .iter()
        .map(|p| {
            let prog = data.program.iter().find(|x| x.id == p.program);
            baris_serapan(
                prog.and_then(|x| x.kode.clone()),
                prog.map(|x| x.nama.clone())
                    .unwrap_or_else(|| p.program.as_str().into()),
                &p.serapan,
            )
        })
        .collect();
    let total_program = (!program.is_empty())
        .then(|| baris_serapan(None, "Jumlah belanja program".into(), &ang.program_total));
    let grafik_serapan = (!program.is_empty()).then(|| {
        let butir: Vec<(String, Option<Decimal>)> = ang
            .program
            .iter()
            .zip(&program)
            .map(|(p, b)| (b.nama.clone(), p.serapan.persen))
            .collect();
        grafik::serapan(
            &format!("Serapan anggaran per program {}", tahun.get()),
            &butir,
        )
    });
    let grafik_capaian = (!batang.is_empty()).then(|| {
        grafik::batang_capaian(
            &format!("Capaian indikator kinerja sasaran {}", tahun.get()),
            &batang,
            Decimal::ONE_HUNDRED,
        )
    });

    // Trend over the Renstra years.
    let (awal, akhir) = data
        .renstra
        .iter()
        .find(|r| r.tahun_awal <= tahun && tahun <= r.tahun_akhir)
        .or(data.renstra.first())
        .map(|r| (r.tahun_awal.get(), r.tahun_akhir.get()))
        .unwrap_or((tahun.get().saturating_sub(4), tahun.get()));
    let tren_tahun: Vec<u16> = (awal..=akhir).collect();
    let per_tahun: Vec<_> = tren_tahun
        .iter()
        .filter_map(|t| Tahun::new(*t as i64).ok())
        .map(|t| ukur(&ix, t))
        .collect();
    let tren: Vec<BarisTren> = tabel
        .sasaran
        .iter()
        .map(|s| BarisTren {
            nama: format!("Sasaran {}", nomor_sasaran(&s.sasaran)),
            nilai: per_tahun
                .iter()
                .map(|t| {
                    t.sasaran
                        .iter()
                        .find(|x| x.sasaran == s.sasaran)
                        .and_then(|x| x.capaian)
                        .map(persen)
                })
                .collect(),
        })
        .collect();
    let seri: Vec<grafik::Seri> = tabel
        .sasaran
        .iter()
        .map(|s| grafik::Seri {
            nama: format!("Sasaran {}", nomor_sasaran(&s.sasaran)),
            realisasi: per_tahun
                .iter()
                .map(|t| {
                    t.sasaran
                        .iter()
                        .find(|x| x.sasaran == s.sasaran)
                        .and_then(|x| x.capaian)
                })
                .collect(),
            target: vec![None; per_tahun.len()],
        })
        .collect();
    let grafik_tren = (!seri.is_empty()).then(|| {
        grafik::tren(
            &format!("Capaian sasaran per tahun Renstra {awal}–{akhir} (%)"),
            &tren_tahun,
            &seri,
        )
    });

    render(&Halaman {
        l,
        instansi,
        tahun: tahun.get(),
        kartu,
        sasaran,
        indikator,
        grafik_capaian,
        program,
        total_program,
        grafik_serapan,
        tren_tahun,
        tren,
        grafik_tren,
        riwayat: riwayat.bagian(),
        skala_nama: ix.skala.nama.clone(),
        skala: skala_legenda(&ix),
        catatan: catatan.clone(),
        aksi_catatan: format!(
            "/instansi/{}/tahun/{}/catatan",
            k.instansi_aktif.clone().unwrap_or_default(),
            tahun.get()
        ),
        alamat_reviu: format!(
            "/instansi/{}/tahun/{}/reviu",
            k.instansi_aktif.clone().unwrap_or_default(),
            tahun.get()
        ),
    })
}
