//! The survey kinerja hosts: the public form (`/survei/{instansi}[/{layanan}]`, the standard
//! questionnaire of PermenPANRB 14/2017 with each question's own answers and the annex's
//! profile), the page after sending (thanks, or why the answers were refused), the poster with
//! the QR code for the service counter, and the operator's page of the respondents so far.
//! Plain HTML forms: nothing needs JavaScript. The public form carries its one-use token
//! (signed by the server) instead of a session's CSRF token: respondents have no session.

use crate::Konteks;
use crate::bantu::render;
use crate::tata::{Bagian, Tata, instansi_href};
use askama::Template;
use kinerja_core::skm::isian::{JENIS_KELAMIN, PEKERJAAN, PENDIDIKAN, kelompok_usia};
use kinerja_core::waktu::Tahun;

/// The public form: where it posts, its token, and what was chosen before a refusal.
#[derive(Debug, Clone, Default)]
pub struct FormSurvei {
    pub instansi: String,
    /// The service the survey's address names.
    pub layanan: Option<String>,
    /// Where the form posts (the survey's own address).
    pub aksi: String,
    pub token: String,
    /// The fields as sent, to keep the answers after a refusal.
    pub isian: Vec<(String, String)>,
    pub masalah: Vec<String>,
    /// The questions asked, in unsur order (`skm::isian::soal_isian`).
    pub soal: Vec<kinerja_core::skm::isian::SoalIsian>,
}

struct Pilihan {
    id: String,
    nilai: String,
    teks: String,
    dipilih: bool,
}

struct Soal {
    nama: String,
    judul: String,
    pilihan: Vec<Pilihan>,
}

#[derive(Template)]
#[template(path = "survei.html")]
struct HalamanSurvei {
    l: Tata,
    f: FormSurvei,
    profil: Vec<Soal>,
    soal: Vec<Soal>,
    layanan_isian: String,
}

fn soal(f: &FormSurvei, nama: &str, judul: String, pilihan: &[(String, String)]) -> Soal {
    let dipilih = f
        .isian
        .iter()
        .find(|(k, _)| k == nama)
        .map(|(_, v)| v.as_str());
    Soal {
        nama: nama.to_string(),
        judul,
        pilihan: pilihan
            .iter()
            .enumerate()
            .map(|(i, (nilai, teks))| Pilihan {
                id: format!("{nama}-{}", i + 1),
                nilai: nilai.clone(),
                teks: teks.clone(),
                dipilih: dipilih == Some(nilai.as_str()),
            })
            .collect(),
    }
}

fn sama(daftar: &[&str]) -> Vec<(String, String)> {
    daftar
        .iter()
        .map(|s| (s.to_string(), s.to_string()))
        .collect()
}

/// The public survey form.
pub fn survei(k: &Konteks, f: &FormSurvei) -> String {
    let usia: Vec<(String, String)> = kelompok_usia()
        .iter()
        .map(|b| (b.to_string(), format!("{b} tahun")))
        .collect();
    let profil = vec![
        soal(
            f,
            "jenis_kelamin",
            "Jenis kelamin".into(),
            &sama(&JENIS_KELAMIN),
        ),
        soal(f, "usia", "Usia".into(), &usia),
        soal(
            f,
            "pendidikan",
            "Pendidikan terakhir".into(),
            &sama(&PENDIDIKAN),
        ),
        soal(f, "pekerjaan", "Pekerjaan".into(), &sama(&PEKERJAAN)),
    ];
    let soal_unsur = f
        .soal
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let pilihan: Vec<(String, String)> = p
                .label
                .iter()
                .enumerate()
                .map(|(j, l)| ((j + 1).to_string(), l.to_string()))
                .collect();
            soal(
                f,
                &format!("u{}", i + 1),
                format!("{}. {}", i + 1, p.teks),
                &pilihan,
            )
        })
        .collect();
    let layanan_isian = f
        .isian
        .iter()
        .find(|(k, _)| k == "layanan")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    render(&HalamanSurvei {
        l: Tata::baru(k, "Survei Kepuasan Masyarakat", Bagian::Lain, None),
        f: f.clone(),
        profil,
        soal: soal_unsur,
        layanan_isian,
    })
}

/// What became of a sent form, as the respondent reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AkhirSurvei {
    Diterima,
    /// This form was sent already (a second click, a reload).
    TokenTerpakai,
    /// The same answers came from the same network address a moment ago.
    Duplikat,
    /// Too many answers from the same network address: `menit` to wait at most.
    TerlaluSering {
        menit: i64,
    },
    /// The form was not one this server issued (altered, or for another survey).
    TidakSah,
}

#[derive(Template)]
#[template(path = "survei_akhir.html")]
struct HalamanAkhir {
    l: Tata,
    instansi: String,
    sukses: bool,
    judul: String,
    pesan: String,
    kembali: String,
}

/// The page after sending: thanks, or why nothing was counted. `kembali`: the survey's
/// address, for a fresh form.
pub fn survei_akhir(k: &Konteks, instansi: &str, akhir: AkhirSurvei, kembali: &str) -> String {
    let (sukses, judul, pesan) = match akhir {
        AkhirSurvei::Diterima => (
            true,
            "Terima kasih",
            "Jawaban Anda sudah kami terima dan dihitung dalam Survei Kepuasan Masyarakat tahun ini. Penilaian Anda membantu kami memperbaiki pelayanan.".to_string(),
        ),
        AkhirSurvei::TokenTerpakai => (
            false,
            "Formulir ini sudah terkirim",
            "Jawaban dari formulir ini sudah kami terima sebelumnya (mungkin tombol Kirim tertekan dua kali atau halaman dimuat ulang). Satu formulir hanya dihitung sekali, jadi kiriman ini tidak dihitung lagi.".to_string(),
        ),
        AkhirSurvei::Duplikat => (
            false,
            "Jawaban yang sama sudah diterima",
            "Jawaban yang persis sama (semua pertanyaan dan profil) baru saja dikirim dari jaringan yang sama, jadi kiriman ini dianggap kiriman ganda dan tidak dihitung. Bila Anda responden lain dengan jawaban yang kebetulan sama, silakan coba lagi beberapa menit lagi.".to_string(),
        ),
        AkhirSurvei::TerlaluSering { menit } => (
            false,
            "Terlalu banyak jawaban dari jaringan ini",
            format!(
                "Dari jaringan (alamat internet) yang Anda pakai sudah masuk banyak jawaban dalam waktu singkat, jadi untuk sementara kiriman berikutnya tidak diterima. Jawaban Anda belum dihitung; silakan coba lagi paling lama {menit} menit lagi, atau gunakan jaringan lain (misalnya data seluler)."
            ),
        ),
        AkhirSurvei::TidakSah => (
            false,
            "Formulir tidak dikenali",
            "Formulir yang dikirim tidak berasal dari halaman survei ini atau sudah diubah, jadi jawabannya tidak dihitung. Silakan buka halaman survei lagi dan isi formulir yang baru.".to_string(),
        ),
    };
    render(&HalamanAkhir {
        l: Tata::baru(k, judul, Bagian::Lain, None),
        instansi: instansi.to_string(),
        sukses,
        judul: judul.to_string(),
        pesan,
        kembali: kembali.to_string(),
    })
}

#[derive(Template)]
#[template(path = "survei_poster.html")]
struct HalamanPoster {
    l: Tata,
    instansi: String,
    layanan: Option<String>,
    alamat: String,
    qr: String,
}

/// The printable poster: the survey's full address and its QR code (`qr`, SVG).
pub fn survei_poster(
    k: &Konteks,
    instansi: &str,
    layanan: Option<&str>,
    alamat: &str,
    qr: &str,
) -> String {
    render(&HalamanPoster {
        l: Tata::baru(k, "Poster survei", Bagian::Lain, None),
        instansi: instansi.to_string(),
        layanan: layanan.map(str::to_string),
        alamat: alamat.to_string(),
        qr: qr.to_string(),
    })
}

/// The respondents of one layanan (or of the general survey) so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarisLayanan {
    /// Empty: the instansi's general address.
    pub layanan: String,
    pub responden: u64,
    pub alamat: String,
}

/// The operator's page of the hosted survey of a year.
#[derive(Debug, Clone, Default)]
pub struct SurveiWeb {
    pub instansi: String,
    pub instansi_id: String,
    pub tahun: u16,
    pub layanan: Vec<BarisLayanan>,
    pub responden: u64,
    /// The population served, as typed; with the Krejcie-Morgan minimum when it is a number.
    pub populasi: String,
    pub minimum: Option<u64>,
    pub masalah_populasi: Option<String>,
    /// `(id, uraian)` of the indicators, for attaching the survey as a realisasi.
    pub indikator: Vec<(String, String)>,
    pub ubah: bool,
}

#[derive(Template)]
#[template(path = "survei_web.html")]
struct HalamanSurveiWeb {
    l: Tata,
    s: SurveiWeb,
    aksi: String,
    cukup: bool,
    kurang: u64,
}

/// The hosted survey as the operator follows it: respondents per layanan, the sample needed
/// for the population served, the survey's addresses and posters, and the preview that
/// attaches it to an indicator as an uploaded survey is.
pub fn survei_web(k: &Konteks, tahun: Tahun, s: &SurveiWeb) -> String {
    let cukup = s.minimum.is_some_and(|m| s.responden >= m);
    render(&HalamanSurveiWeb {
        l: Tata::baru(
            k,
            format!("Survei di web {}", tahun.get()),
            Bagian::Skm,
            None,
        ),
        aksi: instansi_href(&s.instansi_id, tahun.get(), "/skm/web"),
        kurang: s.minimum.map_or(0, |m| m.saturating_sub(s.responden)),
        cukup,
        s: s.clone(),
    })
}
