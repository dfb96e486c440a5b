//! Audit trail, kabupaten overview, login, landing and error pages.

use crate::bantu::{Lencana, label_jenis, lebar_batang, persen, render, rupiah};
use crate::tata::{Bagian, Tata, instansi_href};
use crate::{BarisBeranda, BarisKabupaten, JejakTampil, Konteks};
use askama::Template;
use kinerja_core::model::JenisInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_core::wilayah::RekapWilayah;
use rust_decimal::Decimal;
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Jejak audit

pub(crate) struct Perubahan {
    pub medan: String,
    pub lama: Option<String>,
    pub baru: Option<String>,
}

pub(crate) struct BarisJejak {
    pub waktu: String,
    pub pengguna: String,
    pub tabel: String,
    pub kunci: String,
    pub aksi: String,
    pub aksi_kelas: &'static str,
    /// Top-level fields whose value differs (or the whole record for an insert/delete).
    pub berubah: Vec<Perubahan>,
    /// Fields present and equal on both sides.
    pub tetap: Vec<Perubahan>,
    /// Text that is not a JSON object, shown as it came (pretty-printed when it is JSON).
    pub mentah_lama: Option<String>,
    pub mentah_baru: Option<String>,
}

#[derive(Template)]
#[template(path = "jejak.html")]
struct HalamanJejak {
    l: Tata,
    judul: String,
    baris: Vec<BarisJejak>,
    /// `beda.html`: the when and who columns.
    waktu_pengguna: bool,
    judul_tabel: String,
}

/// A JSON value as a person reads it: strings without quotes, `null` as "kosong", other values
/// compact.
fn teks_nilai(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "(kosong)".into(),
        Value::Array(_) | Value::Object(_) => {
            serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
        }
        v => v.to_string(),
    }
}

fn mentah(teks: &Option<String>) -> Option<String> {
    let t = teks.as_ref()?;
    Some(match serde_json::from_str::<Value>(t) {
        Ok(v) => serde_json::to_string_pretty(&v).unwrap_or_else(|_| t.clone()),
        Err(_) => t.clone(),
    })
}

fn bandingkan(lama: &Option<String>, baru: &Option<String>) -> BarisJejak {
    let baca = |t: &Option<String>| -> Option<Option<serde_json::Map<String, Value>>> {
        match t {
            None => Some(None),
            Some(t) => match serde_json::from_str::<Value>(t) {
                Ok(Value::Object(m)) => Some(Some(m)),
                _ => None,
            },
        }
    };
    let mut b = BarisJejak {
        waktu: String::new(),
        pengguna: String::new(),
        tabel: String::new(),
        kunci: String::new(),
        aksi: String::new(),
        aksi_kelas: "lain",
        berubah: Vec::new(),
        tetap: Vec::new(),
        mentah_lama: None,
        mentah_baru: None,
    };
    match (baca(lama), baca(baru)) {
        (Some(l), Some(n)) => {
            let kosong = serde_json::Map::new();
            let l = l.as_ref().unwrap_or(&kosong);
            let n = n.as_ref().unwrap_or(&kosong);
            let mut kunci: Vec<&String> = l.keys().collect();
            kunci.extend(n.keys().filter(|k| !l.contains_key(*k)));
            for k in kunci {
                let (a, z) = (l.get(k), n.get(k));
                let p = Perubahan {
                    medan: k.clone(),
                    lama: a.map(teks_nilai),
                    baru: z.map(teks_nilai),
                };
                if a == z {
                    b.tetap.push(p);
                } else {
                    b.berubah.push(p);
                }
            }
        }
        _ => {
            b.mentah_lama = mentah(lama);
            b.mentah_baru = mentah(baru);
        }
    }
    b
}

/// A change (of the audit trail, or one an import would make) with its fields compared.
pub(crate) fn baris_jejak(j: &JejakTampil) -> BarisJejak {
    let aksi = j.aksi.to_lowercase();
    BarisJejak {
        waktu: j.waktu.clone(),
        pengguna: j.pengguna.clone(),
        tabel: j.tabel.clone(),
        kunci: j.kunci.clone(),
        aksi: j.aksi.clone(),
        aksi_kelas: match aksi.as_str() {
            "tambah" | "insert" | "buat" => "tambah",
            "ubah" | "update" => "ubah",
            "hapus" | "delete" => "hapus",
            "setujui" | "ajukan" => "alur",
            "buka" | "buka kunci" => "buka",
            _ => "lain",
        },
        ..bandingkan(&j.lama, &j.baru)
    }
}

pub fn jejak(k: &Konteks, judul: &str, baris: &[JejakTampil]) -> String {
    let l = Tata::baru(k, judul, Bagian::Jejak, None);
    render(&HalamanJejak {
        l,
        judul: judul.to_string(),
        baris: baris.iter().map(baris_jejak).collect(),
        waktu_pengguna: true,
        judul_tabel: "Jejak audit, terbaru lebih dulu sesuai urutan dari server".into(),
    })
}

// ---------------------------------------------------------------------------------------------
// Kabupaten

/// Sorts the kabupaten rows: `capaian` and `serapan` highest first (missing last), anything
/// else by name.
pub fn urutkan_kabupaten(baris: &mut [BarisKabupaten], urut: &str) {
    let nama =
        |a: &BarisKabupaten, b: &BarisKabupaten| a.nama.to_lowercase().cmp(&b.nama.to_lowercase());
    let turun = |a: Option<Decimal>, b: Option<Decimal>| match (a, b) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    };
    match urut {
        "capaian" => {
            baris.sort_by(|a, b| turun(a.angka.capaian_rata, b.angka.capaian_rata).then(nama(a, b)))
        }
        "serapan" => baris.sort_by(|a, b| turun(a.angka.serapan, b.angka.serapan).then(nama(a, b))),
        _ => baris.sort_by(nama),
    }
}

pub(crate) struct BarisKab {
    pub href: String,
    pub nama: String,
    pub jenis: String,
    pub jumlah_indikator: usize,
    pub capaian: Option<String>,
    pub lebar_capaian: u32,
    pub lencana: Option<Lencana>,
    pub pagu: String,
    pub realisasi: Option<String>,
    pub serapan: Option<String>,
    pub lebar_serapan: u32,
    /// "61,25 (B)".
    pub evaluasi: Option<String>,
}

pub(crate) struct KolomUrut {
    pub href: &'static str,
    pub teks: &'static str,
    pub aria: &'static str,
    pub aktif: bool,
}

#[derive(Template)]
#[template(path = "kabupaten.html")]
struct HalamanKabupaten {
    l: Tata,
    /// The indicators rolled up across the units by their declared way (none: no table).
    indikator: Vec<BarisIndikatorWilayah>,
    induk: String,
    tahun: u16,
    kartu: Vec<crate::dasbor::Kartu>,
    baris: Vec<BarisKab>,
    urut_label: &'static str,
    kolom: Vec<KolomUrut>,
    pohon: Option<String>,
    /// The address of the pemda's LKjIP without the extension (`.pdf`, `.docx`...).
    lkjip: Option<String>,
    kolom_evaluasi: bool,
    iku: Vec<BarisIkuPemda>,
}

/// An RPJMD IKU with its capaian and the OPD nodes that carry it.
struct BarisIkuPemda {
    sasaran: String,
    uraian: String,
    target: Option<String>,
    dokumen: Option<&'static str>,
    realisasi: Option<String>,
    capaian: crate::bantu::CapaianTampil,
    lencana: Option<Lencana>,
    kontribusi: Vec<Kontribusi>,
}

/// An OPD node carrying an RPJMD IKU.
struct Kontribusi {
    href: String,
    opd: String,
    uraian: String,
    capaian: Option<String>,
    lencana: Option<Lencana>,
}

struct BarisIndikatorWilayah {
    uraian: String,
    nilai: Option<String>,
    alasan: Option<&'static str>,
    /// How the figure was made and how many units reported.
    keterangan: String,
}

/// The kabupaten view: `baris` are the instansi below it, `rekap` the figures over them
/// (`kinerja_core::wilayah::rekap`); `pohon` the address of the pemda's pohon kinerja of the
/// year, when the caller may see one, `lkjip` the address of the pemda's LKjIP of the year
/// without the extension (when it may be downloaded), and `iku` its RPJMD IKU with their OPD
/// nodes.
#[allow(clippy::too_many_arguments)]
pub fn kabupaten(
    k: &Konteks,
    induk_nama: &str,
    tahun: Tahun,
    baris: &[BarisKabupaten],
    rekap: &RekapWilayah,
    urut: &str,
    pohon: Option<&str>,
    lkjip: Option<&str>,
    iku: &[kinerja_core::pohon::ukur::IkuPemda],
) -> String {
    let l = Tata::baru(
        k,
        format!("Rekap {induk_nama} {}", tahun.get()),
        Bagian::Kabupaten,
        None,
    );
    let mut urutan = baris.to_vec();
    urutkan_kabupaten(&mut urutan, urut);
    let urut = match urut {
        "capaian" | "serapan" => urut,
        _ => "nama",
    };
    let r = rekap;
    let kartu = vec![
        crate::dasbor::Kartu {
            judul: "Instansi",
            nilai: r.jumlah_instansi.to_string(),
            ket: format!("{} indikator kinerja sasaran", r.jumlah_indikator),
            lencana: None,
            lebar: None,
        },
        crate::dasbor::Kartu {
            judul: "Rata-rata capaian instansi",
            nilai: r
                .capaian_rata
                .map(persen)
                .unwrap_or_else(|| "data tidak tersedia".into()),
            ket: format!(
                "dari {} instansi yang capaiannya terukur",
                r.capaian_terukur
            ),
            lencana: None,
            lebar: r.capaian_rata.map(|c| lebar_batang(Some(c))),
        },
        crate::dasbor::Kartu {
            judul: "Pagu seluruh instansi",
            nilai: rupiah(r.pagu),
            ket: format!("realisasi {}", rupiah(r.realisasi)),
            lencana: None,
            lebar: None,
        },
        crate::dasbor::Kartu {
            judul: "Serapan gabungan",
            nilai: r
                .serapan
                .map(persen)
                .unwrap_or_else(|| "data tidak tersedia".into()),
            ket: if r.belum_melapor == 0 {
                "semua instansi sudah melaporkan realisasi".into()
            } else {
                format!(
                    "{} instansi belum melaporkan realisasi (tidak dihitung)",
                    r.belum_melapor
                )
            },
            lencana: None,
            lebar: r.serapan.map(|s| lebar_batang(Some(s))),
        },
    ];

    let baris: Vec<BarisKab> = urutan
        .iter()
        .map(|b| BarisKab {
            href: instansi_href(&b.id, tahun.get(), ""),
            nama: b.nama.clone(),
            jenis: label_jenis(b.jenis).to_string(),
            jumlah_indikator: b.angka.jumlah_indikator,
            capaian: b.angka.capaian_rata.map(persen),
            lebar_capaian: lebar_batang(b.angka.capaian_rata),
            lencana: b
                .angka
                .predikat
                .as_ref()
                .map(|p| Lencana::dari_label(&p.label)),
            pagu: rupiah(b.angka.pagu),
            realisasi: b.angka.realisasi.map(rupiah),
            serapan: b.angka.serapan.map(persen),
            lebar_serapan: lebar_batang(b.angka.serapan),
            evaluasi: b
                .evaluasi
                .map(|(n, p)| format!("{} ({p})", kinerja_core::angka::format_angka(n, 2))),
        })
        .collect();
    // The column is there only when some row has a grade the viewer may see.
    let kolom_evaluasi = baris.iter().any(|b| b.evaluasi.is_some());
    let kolom = vec![
        KolomUrut {
            href: "?urut=nama",
            teks: "Instansi",
            aria: if urut == "nama" { "ascending" } else { "none" },
            aktif: urut == "nama",
        },
        KolomUrut {
            href: "?urut=capaian",
            teks: "Capaian rata-rata",
            aria: if urut == "capaian" {
                "descending"
            } else {
                "none"
            },
            aktif: urut == "capaian",
        },
        KolomUrut {
            href: "?urut=serapan",
            teks: "Serapan",
            aria: if urut == "serapan" {
                "descending"
            } else {
                "none"
            },
            aktif: urut == "serapan",
        },
    ];
    let indikator = r
        .indikator
        .iter()
        .map(|b| BarisIndikatorWilayah {
            uraian: b.uraian.clone(),
            nilai: b
                .rekap
                .nilai
                .as_ref()
                .ok()
                .map(|v| crate::bantu::angka_satuan(*v, b.satuan.as_deref())),
            alasan: b.rekap.nilai.err().map(|a| a.pesan()),
            keterangan: b.rekap.keterangan(),
        })
        .collect();
    render(&HalamanKabupaten {
        l,
        indikator,
        induk: induk_nama.to_string(),
        tahun: tahun.get(),
        kartu,
        baris,
        urut_label: match urut {
            "capaian" => "capaian tertinggi lebih dulu",
            "serapan" => "serapan tertinggi lebih dulu",
            _ => "nama instansi (A–Z)",
        },
        kolom,
        pohon: pohon.map(str::to_string),
        lkjip: lkjip.map(str::to_string),
        kolom_evaluasi,
        iku: iku
            .iter()
            .map(|i| BarisIkuPemda {
                sasaran: i.sasaran_uraian.clone(),
                uraian: match &i.satuan {
                    Some(s) => format!("{} ({s})", i.uraian),
                    None => i.uraian.clone(),
                },
                target: i.target.as_ref().map(|t| t.to_string()),
                dokumen: i.dokumen.map(|d| d.label_rencana(true)),
                realisasi: i.realisasi.as_ref().map(|t| t.to_string()),
                capaian: crate::bantu::CapaianTampil::dari(&i.capaian),
                lencana: i.predikat.as_ref().map(|p| Lencana::dari_label(&p.label)),
                kontribusi: i
                    .kontribusi
                    .iter()
                    .map(|k| Kontribusi {
                        href: format!("{}?simpul={}", pohon.unwrap_or_default(), k.simpul),
                        opd: k.nama.clone(),
                        uraian: k.uraian.clone(),
                        capaian: k.capaian.map(persen),
                        lencana: k
                            .predikat
                            .as_ref()
                            .map(|p| Lencana::dari_predikat(p, k.jumlah_pita)),
                    })
                    .collect(),
            })
            .collect(),
    })
}

// ---------------------------------------------------------------------------------------------
// Masuk, beranda, galat

#[derive(Template)]
#[template(path = "masuk.html")]
struct HalamanMasuk {
    l: Tata,
    galat: Option<String>,
    nama: String,
}

/// The login form: posts `nama_pengguna`, `kata_sandi` and `csrf` to `/masuk`.
/// The login page; after a failed attempt, `nama` keeps the user name typed (never the
/// password).
pub fn masuk(k: &Konteks, galat: Option<&str>, nama: &str) -> String {
    render(&HalamanMasuk {
        l: Tata::baru(k, "Masuk", Bagian::Masuk, None),
        galat: galat.map(str::to_string),
        nama: nama.to_string(),
    })
}

pub(crate) struct KartuBeranda {
    pub nama: String,
    pub jenis: &'static str,
    pub induk: Option<String>,
    pub utama: Option<String>,
    pub tahun: Vec<(String, u16)>,
    pub rekap: Option<String>,
}

#[derive(Template)]
#[template(path = "beranda.html")]
struct HalamanBeranda {
    l: Tata,
    daftar: Vec<KartuBeranda>,
}

/// The landing page: every instansi the user may see, with links to its years.
pub fn beranda(k: &Konteks, daftar: &[BarisBeranda]) -> String {
    let daftar = daftar
        .iter()
        .map(|b| {
            let mut tahun = b.tahun.clone();
            tahun.sort_unstable();
            tahun.dedup();
            let terakhir = tahun.last().copied();
            KartuBeranda {
                nama: b.nama.clone(),
                jenis: label_jenis(b.jenis),
                induk: b.induk.clone(),
                utama: terakhir.map(|t| instansi_href(&b.id, t, "")),
                rekap: terakhir
                    .filter(|_| matches!(b.jenis, JenisInstansi::Kabupaten | JenisInstansi::Kota))
                    .map(|t| format!("/kabupaten/{}/tahun/{t}", b.id)),
                tahun: tahun
                    .iter()
                    .rev()
                    .map(|t| (instansi_href(&b.id, *t, ""), *t))
                    .collect(),
            }
        })
        .collect();
    render(&HalamanBeranda {
        l: Tata::baru(k, "Beranda", Bagian::Beranda, None),
        daftar,
    })
}

#[derive(Template)]
#[template(path = "galat.html")]
struct HalamanGalat {
    l: Tata,
    kode: u16,
    judul: &'static str,
    pesan: String,
}

/// An error page (403, 404, 500...). `pesan` says what happened in the user's terms.
pub fn galat(k: &Konteks, kode: u16, pesan: &str) -> String {
    let judul = match kode {
        400 => "Permintaan tidak dapat diproses",
        401 => "Silakan masuk terlebih dahulu",
        403 => "Akses ditolak",
        404 => "Halaman tidak ditemukan",
        409 => "Data sudah berubah",
        429 => "Terlalu banyak percobaan",
        _ if kode >= 500 => "Terjadi kesalahan pada server",
        _ => "Terjadi kesalahan",
    };
    render(&HalamanGalat {
        l: Tata::baru(k, judul, Bagian::Lain, None),
        kode,
        judul,
        pesan: pesan.to_string(),
    })
}

#[derive(Template)]
#[template(path = "panduan.html")]
struct HalamanPanduan {
    l: Tata,
}

impl HalamanPanduan {
    /// A screenshot of the browser tests with its description (`panduan::GAMBAR`).
    fn gambar(&self, nama: &str) -> String {
        crate::panduan::figur(nama)
    }
}

/// The user guide (Bantuan): the year of an operator, a pimpinan and a pereviu.
pub fn panduan(k: &Konteks) -> String {
    render(&HalamanPanduan {
        l: Tata::baru(k, "Panduan", Bagian::Beranda, None),
    })
}
