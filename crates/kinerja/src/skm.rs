//! `kinerja skm`: the community satisfaction survey, from a file to the index, its analysis and
//! its chart. Reading is `kinerja_skm`, computing is `kinerja_core::skm`; this module only
//! prints.

use std::path::PathBuf;

use kinerja_core::angka::format_angka;
use kinerja_core::skm::{Bobot, HasilSkm, Opsi, Regime, SumberUnsur};
use kinerja_grafik::skm as grafik;
use kinerja_skm::{
    AsalKolom, AsalRegime, BarisBuruk, CaraJawab, GalatBaca, KolomUnsur, Masukan, OpsiBaca,
    PetaInstansi,
};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::galat::GalatPerintah;
use crate::tampil::{self, Format, kanan, kiri};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PilihRegime {
    /// PermenPANRB 14/2017: 9 unsur (berlaku)
    #[value(name = "2017")]
    P2017,
    /// Kepmenpan 25/2004: 14 unsur (lama)
    #[value(name = "2004")]
    K2004,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PilihBobot {
    /// Bobot tepat 1/n (bawaan)
    Tepat,
    /// Bobot tercetak di peraturan (0,111 untuk 9 unsur; 0,071 untuk 14), untuk mencocokkan angka terbit
    Cetak,
}

#[derive(Debug, clap::Args)]
pub struct SkmArgs {
    /// Berkas survei: jawaban responden (CSV atau XLSX, satu baris per responden, kolom U1..Un
    /// atau nama unsur), atau tabel per unsur (CSV dengan kolom `unsur`, atau TOML) berisi
    /// distribusi persen, jumlah per jawaban, NRR atau skor
    pub berkas: PathBuf,
    /// Regime survei; bawaan: yang dinyatakan berkas, atau dikenali dari jumlah unsur (9 atau 14)
    #[arg(long, value_enum)]
    pub regime: Option<PilihRegime>,
    /// Bobot tiap unsur
    #[arg(long, value_enum, default_value = "tepat")]
    pub bobot: PilihBobot,
    /// Jumlah populasi penerima layanan, untuk memeriksa kecukupan responden (Krejcie-Morgan)
    #[arg(long, value_name = "N")]
    pub populasi: Option<u64>,
    /// Bentuk keluaran
    #[arg(long, value_enum, default_value = "tabel")]
    pub format: Format,
    /// Lewati baris jawaban yang tidak sah (semuanya dicantumkan) alih-alih menolak berkas
    #[arg(long)]
    pub lewati_baris_buruk: bool,
    /// Peta kuesioner instansi (TOML): kolom tiap unsur, label jawaban 1-4 tiap pertanyaan, kolom
    /// profil responden; yang tidak disebut dikenali seperti biasa
    #[arg(long, value_name = "PETA.toml")]
    pub peta: Option<PathBuf>,
    /// Tulis grafik skor per unsur dengan garis rata-rata ke berkas .svg atau .png
    #[arg(long, value_name = "BERKAS.svg|.png")]
    pub grafik: Option<PathBuf>,
    /// Tulis Laporan SKM (metode, sampel, profil responden, NRR per unsur, IKM dan mutu, unsur
    /// terlemah, tren, rencana tindak lanjut) ke berkas .pdf, .docx atau .html (untuk situs instansi)
    #[arg(long, value_name = "BERKAS.pdf|.docx|.html")]
    pub laporan: Option<PathBuf>,
    /// Keterangan laporan (TOML): instansi, periode, populasi, penandatangan, periode sebelumnya
    /// ([[riwayat]]) dan rencana tindak lanjut ([[tindak_lanjut]])
    #[arg(long, value_name = "KETERANGAN.toml", requires = "laporan")]
    pub keterangan: Option<PathBuf>,
    /// Judul grafik (bawaan: "Survei Kepuasan Masyarakat" dan nama berkas)
    #[arg(long)]
    pub judul: Option<String>,
    /// Lampirkan hasil survei ke berkas/folder data ini sebagai [[skm]], sehingga IKM-nya menjadi
    /// realisasi indikator yang disebut --indikator (memerlukan --indikator, --tahun, --instansi)
    #[arg(long, value_name = "DATA", requires_all = ["indikator", "tahun", "instansi"])]
    pub lampirkan: Option<PathBuf>,
    /// Id indikator yang diukur oleh survei ini (mis. indikator SKM sasaran)
    #[arg(long)]
    pub indikator: Option<String>,
    /// Tahun survei
    #[arg(long)]
    pub tahun: Option<u16>,
    /// Id instansi (unit layanan) yang disurvei
    #[arg(long)]
    pub instansi: Option<String>,
    /// Id rekaman survei (bawaan: skm-TAHUN)
    #[arg(long)]
    pub survei: Option<String>,
}

/// The survey as a `[[skm]]` record: answer counts per unsur when the input was respondents,
/// the distribution when it was a published table.
fn rekaman_survei(
    args: &SkmArgs,
    hasil: &kinerja_core::skm::HasilSkm,
) -> Result<String, GalatPerintah> {
    use crate::data::toml_str;
    let tahun = args.tahun.unwrap_or_default();
    let id = args
        .survei
        .clone()
        .unwrap_or_else(|| format!("skm-{tahun}"));
    let mut t = format!(
        "\n[[skm]]\nid = {}\ninstansi = {}\ntahun = {tahun}\nregime = {}\nindikator = {}\n",
        toml_str(&id),
        toml_str(args.instansi.as_deref().unwrap_or_default()),
        toml_str(&hasil.regime.pengenal),
        toml_str(args.indikator.as_deref().unwrap_or_default()),
    );
    if let Some(r) = hasil.responden {
        t.push_str(&format!("responden = {r}\n"));
    }
    t.push_str(&format!(
        "catatan = {}\n",
        toml_str(&format!("dilampirkan dari {}", args.berkas.display()))
    ));
    let unsur = kinerja_core::model::UnsurSkm::dari_hasil(hasil).map_err(GalatPerintah::masukan)?;
    for u in unsur {
        t.push_str(&format!(
            "\n[[skm.unsur]]\nnomor = {}\nnama = {}\n",
            u.nomor,
            toml_str(&u.nama)
        ));
        if let Some(j) = u.jumlah {
            t.push_str(&format!(
                "jumlah = [{}, {}, {}, {}]\n",
                j[0], j[1], j[2], j[3]
            ));
        }
        if let Some(p) = u.distribusi {
            t.push_str(&format!(
                "distribusi = [{}]\n",
                p.iter()
                    .map(|x| toml_str(&kinerja_core::serde_angka::teks(*x)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    Ok(t)
}

fn angka(d: Decimal, desimal: u32) -> String {
    format_angka(d, desimal)
}

/// A percent cell without needless zeros: `100`, `12,5`, `33,33`.
fn persen(s: String) -> String {
    match s.split_once(',') {
        Some((b, p)) => {
            let p = p.trim_end_matches('0');
            if p.is_empty() {
                b.to_string()
            } else {
                format!("{b},{p}")
            }
        }
        None => s,
    }
}

fn ribuan(n: u64) -> String {
    format_angka(Decimal::from(n), 0)
}

fn asal(a: AsalRegime, m: &Masukan) -> String {
    match a {
        AsalRegime::Diminta => "diminta".into(),
        AsalRegime::Berkas => "dinyatakan berkas".into(),
        AsalRegime::Peta => "dinyatakan peta kuesioner".into(),
        AsalRegime::JumlahUnsur => format!(
            "dikenali dari jumlah unsur: {}",
            m.kuesioner().jumlah_unsur()
        ),
    }
}

/// JSON: the whole result, plus what the reading found.
#[derive(Serialize)]
struct Keluaran<'a> {
    berkas: &'a str,
    asal_regime: AsalRegime,
    #[serde(flatten)]
    hasil: &'a HasilSkm,
    baris_dilewati: &'a [BarisBuruk],
    kolom_diabaikan: &'a [String],
    pemetaan: &'a [KolomUnsur],
    grafik: Option<String>,
}

/// A survey file that cannot be read stops the command before anything is computed.
fn galat_baca(e: GalatBaca) -> GalatPerintah {
    GalatPerintah::masukan(e)
}

pub fn jalankan(args: &SkmArgs) -> Result<String, GalatPerintah> {
    let opsi_baca = OpsiBaca {
        regime: args.regime.map(|r| match r {
            PilihRegime::P2017 => Regime::permenpanrb_14_2017(),
            PilihRegime::K2004 => Regime::kepmenpan_25_2004(),
        }),
        lewati_baris_buruk: args.lewati_baris_buruk,
        peta: match &args.peta {
            Some(p) => Some(PetaInstansi::baca(p).map_err(galat_baca)?),
            None => None,
        },
    };
    let keterangan = match &args.keterangan {
        Some(p) => crate::skm_laporan::KeteranganSkm::baca(p)?,
        None => Default::default(),
    };
    let masukan = kinerja_skm::baca(&args.berkas, &opsi_baca).map_err(galat_baca)?;
    let opsi = Opsi {
        bobot: match args.bobot {
            PilihBobot::Tepat => Bobot::Tepat,
            PilihBobot::Cetak => Bobot::Cetak,
        },
        populasi: args.populasi.or(keterangan.populasi),
        ..Opsi::default()
    };
    let hasil = masukan.hitung(&opsi).map_err(GalatPerintah::ditolak)?;
    let laporan_ditulis = match &args.laporan {
        Some(p) => Some(crate::skm_laporan::tulis(
            p,
            args.tahun,
            &args.berkas,
            &keterangan,
            &hasil,
            &opsi_baca,
            &opsi,
        )?),
        None => None,
    };
    let dilampirkan = match &args.lampirkan {
        Some(data) => {
            let teks = rekaman_survei(args, &hasil)?;
            let nama = format!(
                "{}.toml",
                args.survei
                    .clone()
                    .unwrap_or_else(|| format!("skm-{}", args.tahun.unwrap_or_default()))
            );
            let target = crate::data::tambah_toml(data, &nama, &teks)?;
            Some(format!(
                "Survei dilampirkan ke {} sebagai realisasi indikator {}.\n",
                target.display(),
                args.indikator.as_deref().unwrap_or_default()
            ))
        }
        None => None,
    };
    let (dilewati, diabaikan, pemetaan): (&[BarisBuruk], &[String], &[KolomUnsur]) = match &masukan
    {
        Masukan::Responden(r) => (&r.dilewati, &r.kolom_diabaikan, &r.pemetaan),
        Masukan::Tabel(_) => (&[], &[], &[]),
    };

    let grafik_ditulis = match &args.grafik {
        Some(p) => {
            let judul = args.judul.clone().unwrap_or_else(|| {
                format!(
                    "Survei Kepuasan Masyarakat: {}",
                    args.berkas
                        .file_stem()
                        .map(|s| s.to_string_lossy())
                        .unwrap_or_default()
                )
            });
            let isi = match p
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                Some("svg") => grafik::svg(&hasil, &judul).into_bytes(),
                Some("png") => grafik::png(&hasil, &judul).map_err(GalatPerintah::ditolak)?,
                _ => {
                    return Err(GalatPerintah::masukan(
                        "--grafik: nama berkas harus berakhiran .svg atau .png",
                    ));
                }
            };
            std::fs::write(p, isi)
                .map_err(|e| GalatPerintah::ditolak(format!("{}: {e}", p.display())))?;
            Some(p.display().to_string())
        }
        None => None,
    };

    match args.format {
        Format::Json => serde_json::to_string_pretty(&Keluaran {
            berkas: masukan.berkas(),
            asal_regime: masukan.asal_regime(),
            hasil: &hasil,
            baris_dilewati: dilewati,
            kolom_diabaikan: diabaikan,
            pemetaan,
            grafik: grafik_ditulis,
        })
        .map(|s| s + "\n")
        .map_err(GalatPerintah::ditolak),
        Format::Csv => tampil::csv(&kolom_unsur(&hasil), &baris_unsur(&hasil, true))
            .map_err(GalatPerintah::ditolak),
        Format::Tabel => Ok(tabel(&masukan, &hasil, dilewati, diabaikan, grafik_ditulis)
            + &tabel_pemetaan(pemetaan)
            + dilampirkan.as_deref().unwrap_or_default()
            + laporan_ditulis.as_deref().unwrap_or_default()),
    }
}

/// Counts per answer when known, else percent.
fn pakai_jumlah(h: &HasilSkm) -> bool {
    h.unsur.iter().all(|u| u.jumlah.is_some())
}

fn kolom_unsur(h: &HasilSkm) -> Vec<tampil::Kolom> {
    let (tb, kb, b, sb) = if pakai_jumlah(h) {
        ("n TB", "n KB", "n B", "n SB")
    } else {
        ("% TB", "% KB", "% B", "% SB")
    };
    vec![
        kiri("Kode"),
        kiri("Unsur"),
        kanan(tb),
        kanan(kb),
        kanan(b),
        kanan(sb),
        kanan("NRR"),
        kanan("NRR x bobot"),
        kanan("Skor"),
        kiri("Mutu"),
        kiri("Predikat"),
        kiri("Catatan"),
    ]
}

fn baris_unsur(h: &HasilSkm, csv: bool) -> Vec<Vec<String>> {
    let jumlah = pakai_jumlah(h);
    // CSV: no thousands separator, decimal comma (Excel under an Indonesian locale).
    let n = |d: Decimal, desimal: u32| {
        if csv {
            tampil::csv_angka(Some(d), desimal)
        } else {
            angka(d, desimal)
        }
    };
    h.unsur
        .iter()
        .map(|u| {
            let sebaran: Vec<String> = match (jumlah, u.jumlah, u.persen) {
                (true, Some(c), _) => c.iter().map(|x| n(Decimal::from(*x), 0)).collect(),
                (_, _, Some(p)) => p.iter().map(|x| persen(n(*x, 2))).collect(),
                _ => vec![String::new(); 4],
            };
            let mut catatan = Vec::new();
            match u.sumber {
                SumberUnsur::Nrr => catatan.push("NRR terbit".to_string()),
                SumberUnsur::Skor => catatan.push("skor terbit".to_string()),
                _ => {}
            }
            if u.di_bawah_rata_rata {
                catatan.push("< rata-rata".into());
            }
            if let Some(t) = u.skor_terbit
                && kinerja_core::angka::bulatkan(t, 2) != kinerja_core::angka::bulatkan(u.skor, 2)
            {
                catatan.push(format!("terbit {}", angka(t, 2)));
            }
            let mut b = vec![u.kode.clone(), u.nama.clone()];
            b.extend(sebaran);
            b.extend([
                n(u.nrr, 3),
                n(u.nrr_tertimbang, 3),
                n(u.skor, 2),
                u.mutu.to_string(),
                u.kinerja_unit.to_string(),
                catatan.join("; "),
            ]);
            b
        })
        .collect()
}

fn tabel(
    m: &Masukan,
    h: &HasilSkm,
    dilewati: &[BarisBuruk],
    diabaikan: &[String],
    grafik: Option<String>,
) -> String {
    let mut s = String::new();
    let mut baris = |t: String| {
        s.push_str(&t);
        s.push('\n');
    };
    baris(format!("Survei Kepuasan Masyarakat: {}", m.berkas()));
    baris(format!(
        "Regime      : {} ({})",
        h.regime.nama,
        asal(m.asal_regime(), m)
    ));
    baris(format!(
        "Bobot       : {} ({})",
        h.bobot.tertulis,
        match h.bobot.cara {
            Bobot::Tepat => "tepat 1/n",
            Bobot::Cetak => "tercetak di peraturan",
        }
    ));
    let responden = match h.responden {
        Some(r) => ribuan(r),
        None => "tidak diketahui (data berupa persen/NRR)".into(),
    };
    baris(format!("Responden   : {responden}"));
    if let Some(k) = &h.sampel {
        let cukup = match k.cukup {
            Some(true) => "cukup",
            Some(false) => "TIDAK cukup",
            None => "tidak dapat diperiksa",
        };
        baris(format!(
            "Sampel      : populasi {} memerlukan minimal {} responden (Krejcie-Morgan, tabel peraturan): {cukup}",
            ribuan(k.populasi),
            ribuan(k.minimum)
        ));
    }
    let mut out = s;
    out.push('\n');
    out.push_str(&tampil::tabel(&kolom_unsur(h), &baris_unsur(h, false)));
    out.push('\n');
    let mut s = String::new();
    let mut baris = |t: String| {
        s.push_str(&t);
        s.push('\n');
    };
    baris(String::new());
    baris(format!("IKM (jumlah NRR x bobot) : {}", angka(h.ikm, 3)));
    baris(format!(
        "NIK (IKM x 25)           : {}  mutu {}  kinerja unit {}",
        angka(h.nik, 2),
        h.mutu,
        h.kinerja_unit
    ));
    baris(format!(
        "Rata-rata skor unsur     : {}",
        angka(h.rata_rata_skor, 2)
    ));
    if let Some(t) = h.nik_terbit {
        baris(format!("Nilai terbit             : {}", angka(t, 2)));
    }
    if !h.di_bawah_rata_rata.is_empty() {
        baris("Di bawah rata-rata (prioritas perbaikan, terendah dahulu):".into());
        for k in &h.di_bawah_rata_rata {
            if let Some(u) = h.unsur.iter().find(|u| &u.kode == k) {
                baris(format!("  {} {} ({})", u.kode, u.nama, angka(u.skor, 2)));
            }
        }
    }
    out.push_str(&s);
    for r in &h.rincian {
        out.push_str(&format!(
            "\nPer {} (kolom '{}'):\n",
            r.jenis_label(),
            r.kolom
        ));
        let kolom = [
            kiri("Kelompok"),
            kanan("Responden"),
            kanan("IKM"),
            kanan("NIK"),
            kiri("Mutu"),
            kiri("Kinerja unit"),
        ];
        let b: Vec<Vec<String>> = r
            .kelompok
            .iter()
            .map(|k| {
                vec![
                    k.nilai.clone(),
                    ribuan(k.responden),
                    angka(k.ikm, 3),
                    angka(k.nik, 2),
                    k.mutu.to_string(),
                    k.kinerja_unit.to_string(),
                ]
            })
            .collect();
        out.push_str(&tampil::tabel(&kolom, &b));
        out.push('\n');
    }
    let mut s = String::new();
    let mut baris = |t: String| {
        s.push_str(&t);
        s.push('\n');
    };
    if !h.catatan.is_empty() {
        baris(String::new());
        baris("Catatan:".into());
        for c in &h.catatan {
            baris(format!("  - {c}"));
        }
    }
    if !dilewati.is_empty() {
        baris(String::new());
        baris(format!(
            "Baris dilewati ({}):",
            ribuan(dilewati.len() as u64)
        ));
        for b in dilewati {
            baris(format!("  {b}"));
        }
    }
    if !diabaikan.is_empty() {
        baris(String::new());
        baris(format!("Kolom diabaikan: {}", diabaikan.join(", ")));
    }
    baris(String::new());
    baris(format!("Pembulatan: {}", h.pembulatan));
    if let Some(g) = grafik {
        baris(format!("Grafik ditulis ke {g}"));
    }
    out.push_str(&s);
    out
}

trait LabelRincian {
    fn jenis_label(&self) -> &'static str;
}

impl LabelRincian for kinerja_core::skm::HasilRincian {
    fn jenis_label(&self) -> &'static str {
        self.jenis.label()
    }
}

/// The mapping the reader chose: per unsur, its column, how it was recognised and what each
/// value in it was read as, so the user can check it.
fn tabel_pemetaan(pemetaan: &[KolomUnsur]) -> String {
    if pemetaan.is_empty() {
        return String::new();
    }
    let mut s = String::from("\nPemetaan kolom (periksa):\n");
    for k in pemetaan {
        let cara = match &k.asal {
            AsalKolom::Peta => "peta kuesioner".to_string(),
            AsalKolom::Kode => "kode".to_string(),
            AsalKolom::Nama => "nama unsur".to_string(),
            AsalKolom::Pertanyaan { kemiripan } => {
                format!("pertanyaan baku, kemiripan {kemiripan} %")
            }
        };
        s.push_str(&format!(
            "  {} <- kolom {} ({}) '{}' [{}]\n",
            k.kode,
            k.kolom,
            k.huruf,
            potong(&k.kepala, 90),
            cara
        ));
        let nilai: Vec<String> = k
            .nilai
            .iter()
            .map(|n| {
                let tanda = match n.cara {
                    CaraJawab::Mirip => " (mirip)",
                    _ => "",
                };
                format!("'{}' = {}{tanda}", potong(&n.teks, 40), n.jawaban)
            })
            .collect();
        if !nilai.is_empty() {
            s.push_str(&format!("      {}\n", nilai.join(", ")));
        }
    }
    s
}

/// At most `n` characters, with "..." when cut.
fn potong(t: &str, n: usize) -> String {
    if t.chars().count() <= n {
        t.to_string()
    } else {
        t.chars().take(n).collect::<String>() + "..."
    }
}
