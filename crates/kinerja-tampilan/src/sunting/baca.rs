//! Reads one posted form of the plan editor and applies it to the data set: the one function
//! that knows the field names the editor's forms write (`awalan` + field), beside the page that
//! writes them. The result goes to the store's one write path (`Toko::ubah_data`), which
//! validates the whole data set, diffs it and writes one audit row per changed record.

use crate::KesalahanIsian;
use kinerja_core::angka::parse_rupiah;
use kinerja_core::id::*;
use kinerja_core::kode::{Tingkat, normalkan};
use kinerja_core::model::*;
use kinerja_core::nilai::Nilai;
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::{Tahun, Tanggal};

mod indikator;
mod strategi;
use indikator::simpan_indikator;
use strategi::{simpan_kebijakan, simpan_strategi};

/// The hidden fields every editor form carries: which table, which row (empty: a new row) and,
/// for a new row, its parent (`renstra`, `tujuan`, `sasaran.S-1` for an indicator's owner...).
pub const JENIS: &str = "jenis";
pub const ID: &str = "id";
pub const INDUK: &str = "induk";
/// The button pressed: `simpan` or `hapus`.
pub const AKSI: &str = "aksi";

/// The prefix of a form's field names: unique on the page, so a posted form's values and errors
/// land on that form only.
pub fn awalan(jenis: &str, id: &str, induk: &str) -> String {
    if id.is_empty() {
        format!("{jenis}-baru-{induk}")
    } else {
        format!("{jenis}-{id}")
    }
}

/// The Renstra whose period holds `tahun` (the first, if periods overlap).
pub fn renstra_tahun(data: &DataInstansi, tahun: Tahun) -> Option<&Renstra> {
    data.renstra
        .iter()
        .find(|r| r.tahun_awal <= tahun && tahun <= r.tahun_akhir)
}

/// The years of a Renstra's period.
pub fn tahun_renstra(r: &Renstra) -> Vec<Tahun> {
    (r.tahun_awal.get()..=r.tahun_akhir.get())
        .filter_map(|t| Tahun::new(t.into()).ok())
        .collect()
}

/// `sasaran.S-1` for an indicator's owner, as the forms write it.
pub fn kode_pemilik(p: &Pemilik) -> String {
    match p {
        Pemilik::Tujuan(x) => format!("tujuan.{}", x.as_str()),
        Pemilik::Sasaran(x) => format!("sasaran.{}", x.as_str()),
        Pemilik::Program(x) => format!("program.{}", x.as_str()),
        Pemilik::Kegiatan(x) => format!("kegiatan.{}", x.as_str()),
        Pemilik::SubKegiatan(x) => format!("sub_kegiatan.{}", x.as_str()),
    }
}

fn pemilik_dari(s: &str) -> Option<Pemilik> {
    let (jenis, id) = s.split_once('.')?;
    Some(match jenis {
        "tujuan" => Pemilik::Tujuan(TujuanId::new(id).ok()?),
        "sasaran" => Pemilik::Sasaran(SasaranId::new(id).ok()?),
        "program" => Pemilik::Program(ProgramId::new(id).ok()?),
        "kegiatan" => Pemilik::Kegiatan(KegiatanId::new(id).ok()?),
        "sub_kegiatan" => Pemilik::SubKegiatan(SubKegiatanId::new(id).ok()?),
        _ => return None,
    })
}

pub(crate) const POLARITAS: [(Polaritas, &str, &str); 3] = [
    (
        Polaritas::Positif,
        "positif",
        "Positif (makin tinggi makin baik)",
    ),
    (
        Polaritas::Negatif,
        "negatif",
        "Negatif (makin rendah makin baik)",
    ),
    (
        Polaritas::Rentang,
        "rentang",
        "Rentang (terbaik di dalam rentang)",
    ),
];

pub(crate) const CARA: [(CaraTahunan, &str, &str); 4] = [
    (
        CaraTahunan::Terakhir,
        "terakhir",
        "Triwulan terakhir yang dilaporkan",
    ),
    (CaraTahunan::Jumlah, "jumlah", "Jumlah keempat triwulan"),
    (CaraTahunan::RataRata, "rata_rata", "Rata-rata triwulan"),
    (CaraTahunan::Maksimum, "maksimum", "Triwulan tertinggi"),
];

/// One form's fields, with the problems found in them by field name.
struct Isian<'a> {
    isian: &'a [(String, String)],
    awalan: String,
    salah: Vec<KesalahanIsian>,
}

impl Isian<'_> {
    fn nama(&self, m: &str) -> String {
        format!("{}.{m}", self.awalan)
    }
    fn mentah(&self, nama: &str) -> Option<&str> {
        self.isian
            .iter()
            .find(|(k, _)| k == nama)
            .map(|(_, v)| v.as_str())
    }
    /// The field's text, trimmed; text areas' "\r\n" as "\n".
    fn teks(&self, m: &str) -> String {
        self.mentah(&self.nama(m))
            .unwrap_or("")
            .replace("\r\n", "\n")
            .trim()
            .to_string()
    }
    fn opsi(&self, m: &str) -> Option<String> {
        Some(self.teks(m)).filter(|s| !s.is_empty())
    }
    fn ada(&self, m: &str) -> bool {
        self.mentah(&self.nama(m)).is_some()
    }
    fn tolak(&mut self, m: &str, pesan: impl Into<String>) {
        let medan = self.nama(m);
        self.salah.push(KesalahanIsian {
            medan,
            pesan: pesan.into(),
        });
    }
    fn wajib(&mut self, m: &str, apa: &str) -> String {
        let v = self.teks(m);
        if v.is_empty() {
            self.tolak(m, format!("{apa} wajib diisi"));
        }
        v
    }
    /// A row's number in its list: 1 to 999.
    fn nomor(&mut self, m: &str) -> u32 {
        let v = self.teks(m);
        match v.parse::<u32>() {
            Ok(n) if (1..=999).contains(&n) => n,
            _ if v.is_empty() => {
                self.tolak(m, "nomor urut wajib diisi (1 sampai 999)");
                0
            }
            _ => {
                self.tolak(m, format!("\"{v}\" bukan nomor urut: tulis 1 sampai 999"));
                0
            }
        }
    }
    fn tahun(&mut self, m: &str) -> Option<Tahun> {
        let v = self.teks(m);
        match v.parse::<i64>().ok().and_then(|t| Tahun::new(t).ok()) {
            Some(t) => Some(t),
            None => {
                self.tolak(m, format!("\"{v}\" bukan tahun (mis. 2021)"));
                None
            }
        }
    }
    fn nilai(&mut self, m: &str) -> Option<Nilai> {
        let v = self.teks(m);
        if v.is_empty() {
            return None;
        }
        match Nilai::parse(&v) {
            Ok(n) => Some(n),
            Err(e) => {
                self.tolak(m, e.to_string());
                None
            }
        }
    }
    fn rupiah(&mut self, m: &str) -> Option<Rupiah> {
        let v = self.teks(m);
        if v.is_empty() {
            return None;
        }
        match parse_rupiah(&v) {
            Ok(r) if r.is_negatif() => {
                self.tolak(m, "pagu indikatif tidak boleh negatif");
                None
            }
            Ok(r) => Some(r),
            Err(e) => {
                self.tolak(m, e.to_string());
                None
            }
        }
    }
    fn kode(&mut self, m: &str, tingkat: Tingkat) -> Option<String> {
        let v = self.teks(m);
        if v.is_empty() {
            return None;
        }
        match normalkan(tingkat, &v) {
            Ok(k) => Some(k),
            Err(e) => {
                self.tolak(m, e.to_string());
                None
            }
        }
    }
    fn pilih<T: Copy>(&mut self, m: &str, daftar: &[(T, &str, &str)], bawaan: T) -> T {
        let v = self.teks(m);
        match daftar.iter().find(|(_, k, _)| *k == v) {
            Some((x, _, _)) => *x,
            None if v.is_empty() => bawaan,
            None => {
                self.tolak(m, "pilihan tidak dikenal");
                bawaan
            }
        }
    }
}

fn galat_form(pesan: &str) -> Vec<KesalahanIsian> {
    vec![KesalahanIsian {
        medan: AKSI.into(),
        pesan: pesan.into(),
    }]
}

pub(super) const MUAT_ULANG: &str = "baris ini tidak ada lagi; muat ulang halaman";

/// The smallest `{awal}{n}` that no row of `ada` uses.
pub(super) fn id_baru(awal: &str, ada: &[&str]) -> String {
    kinerja_core::id::id_bebas(awal, |c| ada.contains(&c))
}

/// The data set with the posted form `isian` of the plan editor of `tahun` applied, or the
/// problems by field name. A form changes one row (and, for an indicator, its Renstra targets;
/// for a program, its indicative pagu); the remove button removes one row that nothing else
/// still uses, and otherwise says what uses it.
pub fn ubah_rencana(
    data: &DataInstansi,
    pelapor: &InstansiId,
    tahun: Tahun,
    isian: &[(String, String)],
) -> Result<DataInstansi, Vec<KesalahanIsian>> {
    let ambil = |k: &str| {
        isian
            .iter()
            .find(|(a, _)| a == k)
            .map_or("", |(_, v)| v.trim())
    };
    let (jenis, id, induk, aksi) = (ambil(JENIS), ambil(ID), ambil(INDUK), ambil(AKSI));
    let mut f = Isian {
        isian,
        awalan: awalan(jenis, id, induk),
        salah: Vec::new(),
    };
    let mut d = data.clone();
    if aksi == "hapus" {
        if id.is_empty() {
            return Err(galat_form(
                "baris baru belum tersimpan, tidak ada yang dihapus",
            ));
        }
        return match super::tanggungan::hapus(&mut d, jenis, id) {
            Ok(()) => Ok(d),
            Err(pesan) => {
                f.tolak("hapus", pesan);
                Err(f.salah)
            }
        };
    }
    if aksi == "naik" || aksi == "turun" {
        return match super::urutan::geser(&mut d, jenis, id, aksi == "naik") {
            Ok(()) => Ok(d),
            Err(pesan) => Err(galat_form(&pesan)),
        };
    }
    if aksi != "simpan" {
        return Err(galat_form(
            "formulir tidak dikenal; muat ulang halaman lalu coba lagi",
        ));
    }
    let renstra = renstra_tahun(data, tahun).cloned();
    match jenis {
        "renstra" => simpan_renstra(&mut d, &mut f, pelapor, id, tahun),
        "tujuan" => {
            let Some(r) = &renstra else {
                return Err(galat_form("belum ada Renstra yang mencakup tahun ini"));
            };
            let nomor = f.nomor("nomor");
            let uraian = f.wajib("uraian", "uraian tujuan");
            if id.is_empty() {
                let ada: Vec<&str> = data.tujuan.iter().map(|t| t.id.as_str()).collect();
                d.tujuan.push(Tujuan {
                    id: TujuanId::new(id_baru("T-", &ada)).expect("valid id"),
                    renstra: r.id.clone(),
                    nomor,
                    uraian,
                    catatan: None,
                });
            } else {
                let Some(t) = d.tujuan.iter_mut().find(|t| t.id.as_str() == id) else {
                    return Err(galat_form(MUAT_ULANG));
                };
                t.nomor = nomor;
                t.uraian = uraian;
            }
        }
        "sasaran" => {
            let tujuan = if f.ada("tujuan") {
                f.teks("tujuan")
            } else {
                induk.to_string()
            };
            let tujuan = match data.tujuan.iter().find(|t| t.id.as_str() == tujuan) {
                Some(t) => Some(t.id.clone()),
                None => {
                    f.tolak("tujuan", "pilih tujuan yang didukung sasaran ini");
                    None
                }
            };
            let nomor = f.nomor("nomor");
            let uraian = f.wajib("uraian", "uraian sasaran");
            let mendukung = f.opsi("mendukung");
            if let Some(tujuan) = tujuan {
                if id.is_empty() {
                    let ada: Vec<&str> = data.sasaran.iter().map(|t| t.id.as_str()).collect();
                    d.sasaran.push(Sasaran {
                        id: SasaranId::new(id_baru("S-", &ada)).expect("valid id"),
                        tujuan,
                        nomor,
                        uraian,
                        mendukung,
                        catatan: None,
                    });
                } else {
                    let Some(s) = d.sasaran.iter_mut().find(|s| s.id.as_str() == id) else {
                        return Err(galat_form(MUAT_ULANG));
                    };
                    s.tujuan = tujuan;
                    s.nomor = nomor;
                    s.uraian = uraian;
                    s.mendukung = mendukung;
                }
            }
        }
        "indikator" => simpan_indikator(&mut d, &mut f, renstra.as_ref(), id, induk)?,
        "program" => {
            let kode = f.kode("kode", Tingkat::Program);
            let nama = f.wajib("nama", "nama program");
            let sasaran = match f.teks("sasaran") {
                s if s.is_empty() => None,
                s => match data.sasaran.iter().find(|x| x.id.as_str() == s) {
                    Some(x) => Some(x.id.clone()),
                    None => {
                        f.tolak("sasaran", "sasaran tidak dikenal");
                        None
                    }
                },
            };
            let dalam_renstra = !f.teks("renstra").is_empty();
            let mut pagu = Vec::new();
            if let Some(r) = &renstra {
                for t in tahun_renstra(r) {
                    if let Some(p) = f.rupiah(&format!("pagu.{}", t.get())) {
                        pagu.push(PaguIndikatif { tahun: t, pagu: p });
                    }
                }
            }
            let tahun_form = |t: Tahun| {
                renstra
                    .as_ref()
                    .is_some_and(|r| tahun_renstra(r).contains(&t))
            };
            let p = if id.is_empty() {
                let ada: Vec<&str> = data.program.iter().map(|t| t.id.as_str()).collect();
                d.program.push(Program {
                    id: ProgramId::new(id_baru("P-", &ada)).expect("valid id"),
                    kode: None,
                    nama: String::new(),
                    sasaran: None,
                    renstra: true,
                    pagu_indikatif: Vec::new(),
                    catatan: None,
                });
                d.program.last_mut().expect("just pushed")
            } else {
                let Some(p) = d.program.iter_mut().find(|p| p.id.as_str() == id) else {
                    return Err(galat_form(MUAT_ULANG));
                };
                p
            };
            p.kode = kode;
            p.nama = nama;
            p.sasaran = sasaran;
            p.renstra = dalam_renstra;
            // Years outside this Renstra's period keep their pagu.
            p.pagu_indikatif.retain(|x| !tahun_form(x.tahun));
            p.pagu_indikatif.extend(pagu);
            p.pagu_indikatif.sort_by_key(|x| x.tahun);
        }
        "kegiatan" => {
            let kode = f.kode("kode", Tingkat::Kegiatan);
            let nama = f.wajib("nama", "nama kegiatan");
            if id.is_empty() {
                let Some(p) = data.program.iter().find(|p| p.id.as_str() == induk) else {
                    return Err(galat_form(MUAT_ULANG));
                };
                let ada: Vec<&str> = data.kegiatan.iter().map(|t| t.id.as_str()).collect();
                d.kegiatan.push(Kegiatan {
                    id: KegiatanId::new(id_baru("K-", &ada)).expect("valid id"),
                    program: p.id.clone(),
                    kode,
                    nama,
                    keterangan: None,
                    catatan: None,
                });
            } else {
                let Some(k) = d.kegiatan.iter_mut().find(|k| k.id.as_str() == id) else {
                    return Err(galat_form(MUAT_ULANG));
                };
                k.kode = kode;
                k.nama = nama;
            }
        }
        "sub_kegiatan" => {
            let kode = f.kode("kode", Tingkat::SubKegiatan);
            let nama = f.wajib("nama", "nama sub kegiatan");
            if id.is_empty() {
                let Some(k) = data.kegiatan.iter().find(|k| k.id.as_str() == induk) else {
                    return Err(galat_form(MUAT_ULANG));
                };
                let ada: Vec<&str> = data.sub_kegiatan.iter().map(|t| t.id.as_str()).collect();
                d.sub_kegiatan.push(SubKegiatan {
                    id: SubKegiatanId::new(id_baru("SK-", &ada)).expect("valid id"),
                    kegiatan: k.id.clone(),
                    kode,
                    nama,
                });
            } else {
                let Some(s) = d.sub_kegiatan.iter_mut().find(|s| s.id.as_str() == id) else {
                    return Err(galat_form(MUAT_ULANG));
                };
                s.kode = kode;
                s.nama = nama;
            }
        }
        "strategi" => simpan_strategi(&mut d, &mut f, id)?,
        "kebijakan" => simpan_kebijakan(&mut d, &mut f, id, induk)?,
        _ => {
            return Err(galat_form(
                "formulir tidak dikenal; muat ulang halaman lalu coba lagi",
            ));
        }
    }
    if f.salah.is_empty() {
        Ok(d)
    } else {
        Err(f.salah)
    }
}

fn simpan_renstra(
    d: &mut DataInstansi,
    f: &mut Isian,
    pelapor: &InstansiId,
    id: &str,
    tahun: Tahun,
) {
    let awal = f.tahun("tahun_awal");
    let akhir = f.tahun("tahun_akhir");
    if let (Some(a), Some(b)) = (awal, akhir) {
        if a > b {
            f.tolak("tahun_akhir", "tahun akhir harus sesudah tahun awal");
        } else if !(a <= tahun && tahun <= b) && id.is_empty() {
            f.tolak(
                "tahun_awal",
                format!("periode Renstra baru harus mencakup tahun {}", tahun.get()),
            );
        }
    }
    let visi = f.opsi("visi");
    let misi: Vec<String> = f
        .teks("misi")
        .lines()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let lama = d.renstra.iter().find(|r| r.id.as_str() == id);
    let dasar = dasar_hukum(f, lama.and_then(|r| r.dasar.as_ref()));
    let (Some(awal), Some(akhir), Ok(dasar)) = (awal, akhir, dasar) else {
        return;
    };
    if id.is_empty() {
        let ada: Vec<&str> = d.renstra.iter().map(|r| r.id.as_str()).collect();
        let nama = format!("renstra-{}-{}", awal.get(), akhir.get());
        let id = if ada.contains(&nama.as_str()) {
            id_baru(&format!("{nama}-"), &ada)
        } else {
            nama
        };
        d.renstra.push(Renstra {
            id: RenstraId::new(id).expect("valid id"),
            instansi: pelapor.clone(),
            tahun_awal: awal,
            tahun_akhir: akhir,
            dasar,
            visi,
            misi,
            jenis: Default::default(),
            catatan: None,
        });
    } else if let Some(r) = d.renstra.iter_mut().find(|r| r.id.as_str() == id) {
        r.tahun_awal = awal;
        r.tahun_akhir = akhir;
        r.dasar = dasar;
        r.visi = visi;
        r.misi = misi;
    } else {
        f.tolak("tahun_awal", MUAT_ULANG);
    }
}

/// The Renstra's legal basis (the decree that set it): number, subject, date; the place and
/// signatory an import brought are kept. All three empty: none. A subject or date without a
/// number is refused beside the number.
fn dasar_hukum(f: &mut Isian, lama: Option<&Keputusan>) -> Result<Option<Keputusan>, ()> {
    let nomor = f.teks("dasar.nomor");
    let tentang = f.opsi("dasar.tentang");
    let tanggal = match f.teks("dasar.tanggal") {
        x if x.is_empty() => None,
        x => match Tanggal::parse(&x) {
            Ok(t) => Some(t),
            Err(e) => {
                f.tolak("dasar.tanggal", e.to_string());
                return Err(());
            }
        },
    };
    if nomor.is_empty() {
        if tentang.is_some() || tanggal.is_some() {
            f.tolak(
                "dasar.nomor",
                "isi nomor peraturan atau keputusan dasar Renstra",
            );
            return Err(());
        }
        return Ok(None);
    }
    Ok(Some(Keputusan {
        nomor,
        tentang,
        tanggal,
        tempat: lama.and_then(|k| k.tempat.clone()),
        penandatangan: lama.and_then(|k| k.penandatangan.clone()),
    }))
}
