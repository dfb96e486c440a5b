//! Workbook → `Buku`: every sheet read into typed rows, every problem collected with its cell.
//! Nothing here knows the data set; `terap` puts the rows onto it.

use crate::lembar::{Lembar, lembar_bergabung, masalah_buku, normal};
use crate::sel::{self, rujukan};
use crate::{
    LEMBAR_ANGGARAN, LEMBAR_PETUNJUK, LEMBAR_PK, LEMBAR_REALISASI, LEMBAR_RENSTRA, Masalah,
    SEL_INSTANSI, SEL_TAHUN, SEL_TANGGAL_PK,
};
use calamine::{Data, Reader, Xlsx};
use kinerja_core::id::{IndikatorId, InstansiId, PosAnggaranId};
use kinerja_core::nilai::Nilai;
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::{Bulan, Periode, Tahun, Tanggal};
use std::io::Cursor;

/// Where a value was read: for the messages of `terap`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letak {
    pub lembar: std::sync::Arc<str>,
    pub baris: u32,
    pub kolom: u32,
    pub kepala: std::sync::Arc<str>,
}

impl Letak {
    pub(crate) fn masalah(&self, nilai: Option<String>, pesan: impl Into<String>) -> Masalah {
        Masalah {
            lembar: self.lembar.to_string(),
            sel: Some(rujukan(self.baris, self.kolom)),
            kolom: Some(self.kepala.to_string()),
            nilai,
            pesan: pesan.into(),
        }
    }
}

/// A workbook read: the instansi and year it is for, and the rows of each sheet it has.
#[derive(Debug, Clone, Default)]
pub struct Buku {
    pub instansi: Option<InstansiId>,
    pub tahun: Option<Tahun>,
    pub renstra: Vec<BarisRenstra>,
    pub pk: Vec<BarisPk>,
    /// The PK's signing date, when the sheet has the cell (`None` inside: emptied).
    pub tanggal_pk: Option<(Option<Tanggal>, Letak)>,
    pub realisasi: Vec<BarisRealisasi>,
    pub anggaran: Vec<BarisAnggaran>,
    pub data_elemen: Vec<crate::elemen::BarisDataElemen>,
    /// The `Responden SKM` sheet when it holds respondents.
    pub responden_skm: Option<crate::responden::LembarResponden>,
    pub peringatan: Vec<Masalah>,
}

/// A value of a column; `None` when the sheet has no such column (the field is left as is).
pub type Kolom<T> = Option<(T, Letak)>;

#[derive(Debug, Clone)]
pub struct BarisRenstra {
    /// `None`: a row the user added (its "Id Indikator" empty), a new indicator of `pemilik`.
    pub indikator: Option<IndikatorId>,
    pub letak: Letak,
    /// "Id Pemilik": the tujuan, sasaran, program, kegiatan or sub kegiatan; read for new rows.
    pub pemilik: Kolom<Option<String>>,
    pub uraian: Kolom<Option<String>>,
    pub satuan: Kolom<Option<String>>,
    pub polaritas: Kolom<Option<String>>,
    /// The baseline (the year before the plan period).
    pub kondisi_awal: Kolom<Option<Nilai>>,
    pub target: Vec<(Tahun, Option<Nilai>, Letak)>,
}

#[derive(Debug, Clone)]
pub struct BarisPk {
    pub indikator: IndikatorId,
    pub letak: Letak,
    pub target: Kolom<Option<Nilai>>,
}

#[derive(Debug, Clone)]
pub struct BarisRealisasi {
    pub indikator: IndikatorId,
    pub letak: Letak,
    pub nilai: Vec<(Periode, Option<Nilai>, Letak)>,
}

#[derive(Debug, Clone)]
pub struct BarisAnggaran {
    /// `None`: a line the user added (its "Id Pos" empty), placed by `kode`.
    pub id: Option<PosAnggaranId>,
    pub letak: Letak,
    /// The sub kegiatan's (or kegiatan's) code; read for new lines.
    pub kode: Kolom<Option<String>>,
    /// The name of a sub kegiatan a new line creates.
    pub sub_kegiatan: Kolom<Option<String>>,
    pub jenis: Kolom<Option<String>>,
    pub pagu: Kolom<Option<Rupiah>>,
    pub pagu_perubahan: Kolom<Option<Rupiah>>,
    /// By month, January first (`Bulan as usize`); a month left empty is `None`. `None` when
    /// the sheet has none of the month columns. An array rather than the model's map: a sheet
    /// of 100.000 lines is read without building a map per line, and `terapkan` builds one
    /// only for a line whose months changed.
    pub bulanan: Option<[Option<Rupiah>; 12]>,
    pub setahun: Kolom<Option<Rupiah>>,
}

pub(crate) const KEPALA_TRIWULAN: [(&str, Periode); 5] = [
    ("Triwulan I", Periode::Tw1),
    ("Triwulan II", Periode::Tw2),
    ("Triwulan III", Periode::Tw3),
    ("Triwulan IV", Periode::Tw4),
    ("Tahunan", Periode::Tahunan),
];

/// Headers of each sheet, in the template's order. Columns that only show (names, codes, the
/// computed sum) are known so that they are not reported as unknown.
pub(crate) const KEPALA_RENSTRA: [&str; 7] = [
    "Id Pemilik",
    "Pemilik",
    "Id Indikator",
    "Indikator",
    "Satuan",
    "Polaritas",
    "Kondisi Awal",
];
pub(crate) const KEPALA_PK: [&str; 4] = ["Id Indikator", "Indikator", "Satuan", "Target PK"];
pub(crate) const KEPALA_REALISASI: [&str; 4] = ["Id Indikator", "Indikator", "Satuan", "Target"];
pub(crate) const KEPALA_ANGGARAN: [&str; 8] = [
    "Id Pos",
    "Kode",
    "Program",
    "Kegiatan",
    "Sub Kegiatan",
    "Jenis Belanja",
    "Pagu",
    "Pagu Perubahan",
];
pub(crate) const KEPALA_SETAHUN: &str = "Realisasi Setahun";
pub(crate) const KEPALA_JUMLAH: &str = "Jumlah Realisasi";
pub(crate) const AWALAN_TARGET: &str = "Target ";

/// Reads a workbook. Every problem is listed; any problem refuses the whole workbook.
pub fn baca(isi: &[u8]) -> Result<Buku, Vec<Masalah>> {
    // calamine can panic on a malformed file (found by fuzzing the survey reader); such a file is
    // refused like any other unreadable one.
    std::panic::catch_unwind(|| baca_dalam(isi)).unwrap_or_else(|_| {
        Err(vec![masalah_buku(
            "berkas rusak: isinya tidak dapat diurai sebagai lembar kerja XLSX",
        )])
    })
}

fn baca_dalam(isi: &[u8]) -> Result<Buku, Vec<Masalah>> {
    // Which sheets hold merged cells is found by inflating every sheet's XML once more; on a
    // machine with two cores that runs beside calamine's parse of the same sheets (a tenth of
    // the time of a large workbook).
    std::thread::scope(|s| {
        let bergabung = s.spawn(|| lembar_bergabung(isi));
        baca_lembar(isi, move || bergabung.join().ok().flatten())
    })
}

/// The sheets of the workbook read by calamine, then given their merged cells (`bergabung`,
/// asked for only after every sheet is parsed), then read into rows.
fn baca_lembar(
    isi: &[u8],
    bergabung: impl FnOnce() -> Option<std::collections::HashSet<String>>,
) -> Result<Buku, Vec<Masalah>> {
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(isi)).map_err(|e| {
        vec![masalah_buku(&format!(
            "bukan lembar kerja XLSX yang terbaca ({e}); simpan sebagai Excel Workbook (.xlsx)"
        ))]
    })?;
    let mut buku = Buku::default();
    let mut masalah = Vec::new();
    let nama: Vec<String> = wb.sheet_names();
    let urutan = [
        LEMBAR_PETUNJUK,
        LEMBAR_RENSTRA,
        LEMBAR_PK,
        LEMBAR_REALISASI,
        LEMBAR_ANGGARAN,
        crate::LEMBAR_DATA_ELEMEN,
        crate::LEMBAR_RESPONDEN_SKM,
    ];
    let mut dibaca: Vec<(&'static str, String, calamine::Range<Data>)> = Vec::new();
    for n in urutan {
        let Some(asli) = nama.iter().find(|x| normal(x) == normal(n)) else {
            continue;
        };
        match wb.worksheet_range(asli) {
            Ok(range) => dibaca.push((n, asli.clone(), range)),
            Err(e) => masalah.push(Masalah {
                lembar: n.into(),
                sel: None,
                kolom: None,
                nilai: None,
                pesan: format!("lembar tidak terbaca: {e}"),
            }),
        }
    }
    let bergabung = bergabung();
    let mut siap: Vec<(&'static str, Lembar)> = dibaca
        .into_iter()
        .map(|(n, asli, range)| {
            let gabung = match &bergabung {
                Some(b) if !b.contains(&asli) => Vec::new(),
                _ => wb.merge_cells_by_sheet_name(&asli).unwrap_or_default(),
            };
            (n, Lembar::new(n, range, &gabung))
        })
        .collect();
    let mut lembar = |n: &'static str| -> Option<Lembar> {
        let i = siap.iter().position(|(x, _)| *x == n)?;
        Some(siap.swap_remove(i).1)
    };
    let petunjuk = lembar(LEMBAR_PETUNJUK);
    let renstra = lembar(LEMBAR_RENSTRA);
    let pk = lembar(LEMBAR_PK);
    let realisasi = lembar(LEMBAR_REALISASI);
    let anggaran = lembar(LEMBAR_ANGGARAN);
    let data_elemen = lembar(crate::LEMBAR_DATA_ELEMEN);
    let responden = lembar(crate::LEMBAR_RESPONDEN_SKM);
    for n in &nama {
        if !urutan.iter().any(|d| normal(d) == normal(n)) {
            buku.peringatan.push(Masalah {
                lembar: n.clone(),
                sel: None,
                kolom: None,
                nilai: None,
                pesan: "lembar tidak dikenal, diabaikan".into(),
            });
        }
    }
    match petunjuk {
        Some(l) => baca_petunjuk(&l, &mut buku, &mut masalah),
        None => masalah.push(masalah_buku(
            "lembar \"Petunjuk\" tidak ada: buat lembar kerja dengan `kinerja templat` (lembar itu menyebut instansi dan tahunnya)",
        )),
    }
    if let Some(l) = renstra {
        baca_renstra(l, &mut buku, &mut masalah);
    }
    if let Some(l) = pk {
        baca_pk(l, &mut buku, &mut masalah);
    }
    if let Some(l) = realisasi {
        baca_realisasi(l, &mut buku, &mut masalah);
    }
    if let Some(l) = anggaran {
        baca_anggaran(l, &mut buku, &mut masalah);
    }
    if let Some(l) = data_elemen {
        crate::elemen::baca(l, &mut buku, &mut masalah);
    }
    if let Some(l) = responden {
        crate::responden::baca(l, &mut buku, &mut masalah);
    }
    if masalah.is_empty() {
        Ok(buku)
    } else {
        Err(masalah)
    }
}

fn baca_petunjuk(l: &Lembar, buku: &mut Buku, masalah: &mut Vec<Masalah>) {
    let letak = |(r, c): (u32, u16), kepala: &str| Letak {
        lembar: l.nama.clone(),
        baris: r,
        kolom: c.into(),
        kepala: kepala.into(),
    };
    let li = letak(SEL_INSTANSI, "Id instansi");
    let d = l.sel(SEL_INSTANSI.0, SEL_INSTANSI.1.into());
    match InstansiId::new(sel::teks(d).trim()) {
        Ok(i) => buku.instansi = Some(i),
        Err(e) => masalah.push(li.masalah(
            Some(sel::teks(d)),
            format!("{e}; sel ini diisi oleh `kinerja templat` dan tidak boleh diubah"),
        )),
    }
    let lt = letak(SEL_TAHUN, "Tahun");
    let d = l.sel(SEL_TAHUN.0, SEL_TAHUN.1.into());
    let tahun = match d {
        Data::Float(f) if f.fract() == 0.0 => Tahun::new(*f as i64).ok(),
        Data::Int(i) => Tahun::new(*i).ok(),
        Data::String(s) => s.trim().parse().ok().and_then(|t| Tahun::new(t).ok()),
        _ => None,
    };
    match tahun {
        Some(t) => buku.tahun = Some(t),
        None => masalah.push(lt.masalah(
            Some(sel::teks(d)),
            "diharapkan tahun (mis. 2024); sel ini diisi oleh `kinerja templat`",
        )),
    }
}

fn indikator_id(s: String) -> Result<IndikatorId, String> {
    IndikatorId::new(s).map_err(|e| e.to_string())
}

fn baca_renstra(mut l: Lembar, buku: &mut Buku, masalah: &mut Vec<Masalah>) {
    let dikenal =
        |n: &str| KEPALA_RENSTRA.iter().any(|k| normal(k) == n) || tahun_target(n).is_some();
    let Some(k) = l.cari_kepala("Id Indikator", &dikenal, &mut buku.peringatan, masalah) else {
        return;
    };
    let tahun: Vec<(Tahun, u32)> = l
        .kepala
        .iter()
        .filter_map(|(_, n, c)| tahun_target(n).map(|t| (t, *c)))
        .collect();
    for (r, id, letak) in l.baris_baru(k, "Id Indikator", indikator_id, true, masalah) {
        let target = tahun
            .iter()
            .filter_map(|(t, c)| {
                l.baca(r, *c, sel::nilai, masalah)
                    .map(|(n, lt)| (*t, n, lt))
            })
            .collect();
        buku.renstra.push(BarisRenstra {
            pemilik: id
                .is_none()
                .then(|| l.medan(r, "Id Pemilik", sel::teks_opsi, masalah))
                .flatten(),
            indikator: id,
            letak,
            uraian: l.medan(r, "Indikator", sel::teks_opsi, masalah),
            satuan: l.medan(r, "Satuan", sel::teks_opsi, masalah),
            polaritas: l.medan(r, "Polaritas", sel::teks_opsi, masalah),
            kondisi_awal: l.medan(r, "Kondisi Awal", sel::nilai, masalah),
            target,
        });
    }
}

/// `target 2021` → 2021.
fn tahun_target(judul_normal: &str) -> Option<Tahun> {
    let t = judul_normal.strip_prefix(&AWALAN_TARGET.to_lowercase())?;
    Tahun::new(t.trim().parse().ok()?).ok()
}

fn baca_pk(mut l: Lembar, buku: &mut Buku, masalah: &mut Vec<Masalah>) {
    let dikenal = |n: &str| KEPALA_PK.iter().any(|k| normal(k) == n);
    let (r, c) = SEL_TANGGAL_PK;
    // The date cell sits above the table, beside its label.
    if normal(&sel::teks(l.sel(r, 0))).starts_with("tanggal") {
        let letak = Letak {
            lembar: l.nama.clone(),
            baris: r,
            kolom: c.into(),
            kepala: "Tanggal".into(),
        };
        let d = l.sel(r, c.into());
        match sel::tanggal(d) {
            Ok(t) => buku.tanggal_pk = Some((t, letak)),
            Err(e) => masalah.push(letak.masalah(Some(sel::teks(d)), e)),
        }
    }
    let Some(k) = l.cari_kepala("Id Indikator", &dikenal, &mut buku.peringatan, masalah) else {
        return;
    };
    for (r, id, letak) in l.baris(k, "Id Indikator", indikator_id, masalah) {
        buku.pk.push(BarisPk {
            indikator: id,
            letak,
            target: l.medan(r, "Target PK", sel::nilai, masalah),
        });
    }
}

fn baca_realisasi(mut l: Lembar, buku: &mut Buku, masalah: &mut Vec<Masalah>) {
    let dikenal = |n: &str| {
        KEPALA_REALISASI.iter().any(|k| normal(k) == n)
            || KEPALA_TRIWULAN.iter().any(|(k, _)| normal(k) == n)
    };
    let Some(k) = l.cari_kepala("Id Indikator", &dikenal, &mut buku.peringatan, masalah) else {
        return;
    };
    for (r, id, letak) in l.baris(k, "Id Indikator", indikator_id, masalah) {
        let nilai = KEPALA_TRIWULAN
            .iter()
            .filter_map(|(j, p)| {
                l.medan(r, j, sel::nilai, masalah)
                    .map(|(n, lt)| (*p, n, lt))
            })
            .collect();
        buku.realisasi.push(BarisRealisasi {
            indikator: id,
            letak,
            nilai,
        });
    }
}

fn baca_anggaran(mut l: Lembar, buku: &mut Buku, masalah: &mut Vec<Masalah>) {
    let dikenal = |n: &str| {
        KEPALA_ANGGARAN.iter().any(|k| normal(k) == n)
            || Bulan::SEMUA.iter().any(|b| normal(b.label()) == n)
            || n == normal(KEPALA_SETAHUN)
            || n == normal(KEPALA_JUMLAH)
    };
    let Some(k) = l.cari_kepala("Id Pos", &dikenal, &mut buku.peringatan, masalah) else {
        return;
    };
    let bulan: Vec<(Bulan, u32)> = Bulan::SEMUA
        .iter()
        .filter_map(|b| l.kolom(b.label()).map(|c| (*b, c)))
        .collect();
    let id_pos = |s: String| PosAnggaranId::new(s).map_err(|e| e.to_string());
    // Found once: a sheet can hold 100.000 lines.
    let [k_setahun, k_pagu, k_jenis, k_perubahan] =
        [KEPALA_SETAHUN, "Pagu", "Jenis Belanja", "Pagu Perubahan"].map(|j| l.kolom(j));
    for (r, id, letak) in l.baris_baru(k, "Id Pos", id_pos, true, masalah) {
        let bulanan = (!bulan.is_empty()).then(|| {
            let mut m = [None; 12];
            for (b, c) in &bulan {
                m[*b as usize] = l.nilai(r, *c, sel::rupiah, masalah).flatten();
            }
            m
        });
        let setahun = l.medan_di(r, k_setahun, sel::rupiah, masalah);
        if let (Some(bln), Some((Some(_), lt))) = (&bulanan, &setahun)
            && bln.iter().any(Option::is_some)
        {
            masalah.push(lt.masalah(
                None,
                "realisasi setahun diisi padahal realisasi bulanan juga diisi: isi salah satu (bila ada bulan, realisasi setahun adalah jumlahnya)",
            ));
        }
        let pagu = l.medan_di(r, k_pagu, sel::rupiah, masalah);
        if let Some((None, lt)) = &pagu {
            masalah.push(lt.masalah(None, "pagu wajib diisi (jumlah rupiah)"));
        }
        let baru = id.is_none();
        buku.anggaran.push(BarisAnggaran {
            kode: baru
                .then(|| l.medan(r, "Kode", sel::teks_opsi, masalah))
                .flatten(),
            sub_kegiatan: baru
                .then(|| l.medan(r, "Sub Kegiatan", sel::teks_opsi, masalah))
                .flatten(),
            id,
            letak,
            jenis: l.medan_di(r, k_jenis, sel::teks_opsi, masalah),
            pagu,
            pagu_perubahan: l.medan_di(r, k_perubahan, sel::rupiah, masalah),
            bulanan,
            setahun,
        });
    }
}
