//! Recognising the columns of a respondent file from its header.
//!
//! A header cell names an unsur when one of its readings (the whole text; the part after the last
//! `/` as KoboToolbox writes `group/question`; the part inside `[...]` as Google Forms and
//! LimeSurvey write `Question [Row]`; the part before `[`) is
//! - a code `U1`..`Un` (`u01`, `U1_persyaratan` as a Kobo name), optionally followed by the
//!   instansi's own name for the unsur after a space, `.`, `:` or `-` (`U3. Kecepatan Pelayanan`);
//! - or the regime's name of the unsur, or a short name of its question (`sarana_prasarana`),
//!   case and punctuation ignored;
//! - or the wording of the regulation's standard question (see [`crate::kenal`]).
//!
//! An instansi's mapping file ([`PetaInstansi`]) is read first: a column it names is what it
//! says. Profile columns are recognised by name (see [`jenis_profil`]); other columns are
//! ignored and listed.

use kinerja_core::skm::{JenisProfil, PertanyaanBaku, Regime, pertanyaan_baku};
use serde::Serialize;

use crate::kenal::{IntiBaku, cocok_nama_pendek, cocok_pertanyaan, siapkan};
use crate::label::LabelUnsur;
use crate::peta::PetaInstansi;
use crate::{AsalRegime, normal};

/// How a column was recognised as an unsur's (printed with the mapping, for the user to check).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "cara", rename_all = "snake_case")]
pub enum AsalKolom {
    /// Named in the instansi's mapping file.
    Peta,
    /// A code `U1`..`Un`.
    Kode,
    /// The regime's name of the unsur or a short name of its question.
    Nama,
    /// The wording of the regulation's standard question, with the similarity in percent.
    Pertanyaan { kemiripan: u8 },
}

#[derive(Debug, Clone)]
pub(crate) struct Peta {
    /// Column index of each unsur, in unsur order.
    pub unsur_kolom: Vec<usize>,
    /// The instansi's own name of each unsur, when the header gave one.
    pub nama_sendiri: Vec<Option<String>>,
    /// How each unsur's column was recognised.
    pub asal: Vec<AsalKolom>,
    /// Each unsur's answer labels.
    pub label: Vec<LabelUnsur>,
    /// Profile columns: (column index, header, kind).
    pub profil: Vec<(usize, String, JenisProfil)>,
    pub diabaikan: Vec<String>,
}

enum Arti {
    Unsur(usize, Option<String>, AsalKolom),
    Profil(JenisProfil),
    Lain,
}

/// The readings of a header: the whole; every part after a `/` (a Kobo group path, whose
/// question label may itself hold a `/`, as "biaya/tarif" does; the first 16, so a header of
/// slashes costs no quadratic work); the parts in and before `[...]`.
fn kandidat(h: &str) -> Vec<&str> {
    let h = h.trim_start_matches('\u{feff}').trim();
    let mut v = vec![h];
    for (i, _) in h.match_indices('/').take(16) {
        v.push(h[i + 1..].trim());
    }
    if let (Some(a), Some(b)) = (h.find('['), h.rfind(']'))
        && a < b
    {
        v.push(h[a + 1..b].trim());
        v.push(h[..a].trim());
    }
    v
}

/// `U3`, `u03`, `U3_kecepatan` -> (3, None); `U3. Kecepatan Pelayanan` -> (3, Some(name)).
fn kode_u(c: &str) -> Option<(usize, Option<String>)> {
    let sisa = c.strip_prefix(['U', 'u'])?;
    let digit = sisa.bytes().take_while(u8::is_ascii_digit).count();
    if digit == 0 {
        return None;
    }
    let k: usize = sisa[..digit].parse().ok()?;
    let setelah = &sisa[digit..];
    let Some(pertama) = setelah.chars().next() else {
        return Some((k, None));
    };
    let pemisah = |c: char| matches!(c, ' ' | '.' | ':' | '-' | ')' | '_' | '\t');
    if !pemisah(pertama) {
        return None;
    }
    let nama = setelah.trim_start_matches(pemisah).trim();
    let nama = (pertama != '_' && !nama.is_empty()).then(|| nama.to_string());
    Some((k, nama))
}

/// The profile column a header names, if any.
pub(crate) fn jenis_profil(h: &str) -> Option<JenisProfil> {
    use JenisProfil::*;
    Some(match normal(h).as_str() {
        "layanan"
        | "jenis layanan"
        | "jenis pelayanan"
        | "pelayanan"
        | "unit layanan"
        | "unit pelayanan"
        | "layanan yang diterima"
        | "jenis layanan yang diterima" => Layanan,
        "jenis kelamin" | "kelamin" | "jk" | "gender" | "sex" => JenisKelamin,
        "umur" | "usia" | "age" | "umur tahun" | "usia tahun" => Umur,
        "pendidikan" | "pendidikan terakhir" | "education" => Pendidikan,
        "pekerjaan" | "pekerjaan utama" | "occupation" => Pekerjaan,
        "tanggal" | "tanggal survei" | "tanggal survey" | "tanggal pengisian" | "tgl" | "date"
        | "timestamp" | "cap waktu" | "submission time" | "waktu pengisian" | "submitdate"
        | "date submitted" | "tanggal pengiriman" | "completion time" | "start time"
        | "waktu mulai" => Tanggal,
        // A form's longer wording: "Jenis Layanan yang Anda terima", "Usia (tahun)",
        // "Pendidikan Terakhir Anda".
        n => {
            let awal = |p: &str| n.starts_with(p) && n.as_bytes().get(p.len()) == Some(&b' ');
            if awal("jenis layanan") || awal("layanan yang") {
                Layanan
            } else if awal("jenis kelamin") {
                JenisKelamin
            } else if awal("usia") || awal("umur") {
                Umur
            } else if awal("pendidikan") {
                Pendidikan
            } else if awal("pekerjaan") {
                Pekerjaan
            } else {
                return None;
            }
        }
    })
}

fn arti(
    h: &str,
    regime: &Regime,
    baku: &[PertanyaanBaku],
    inti_baku: &[IntiBaku],
    nama_baku: &[String],
    peta: Option<&PetaInstansi>,
) -> Result<Arti, String> {
    let n = regime.jumlah_unsur();
    let kandidat = kandidat(h);
    if let Some(p) = peta {
        for c in &kandidat {
            if let Some(u) = p.unsur_kolom(c).filter(|u| *u < n) {
                return Ok(Arti::Unsur(u, None, AsalKolom::Peta));
            }
            if let Some(j) = p.profil_kolom(c) {
                return Ok(Arti::Profil(j));
            }
        }
    }
    for c in &kandidat {
        if let Some((k, nama)) = kode_u(c) {
            if k == 0 || k > n {
                return Err(format!(
                    "kolom '{h}' menyebut unsur U{k}, tetapi {} hanya punya U1..U{n}",
                    regime.nama
                ));
            }
            // LimeSurvey's "U1. <question text>": the standard question is no own name.
            let nama = nama.filter(|x| {
                normal(x) != nama_baku[k - 1] && cocok_pertanyaan(x, inti_baku).is_none()
            });
            return Ok(Arti::Unsur(k - 1, nama, AsalKolom::Kode));
        }
        let nc = normal(c);
        if let Some(i) = nama_baku.iter().position(|u| *u == nc) {
            return Ok(Arti::Unsur(i, None, AsalKolom::Nama));
        }
        if let Some(i) = cocok_nama_pendek(c, baku) {
            return Ok(Arti::Unsur(i, None, AsalKolom::Nama));
        }
    }
    for c in &kandidat {
        if let Some(j) = jenis_profil(c) {
            return Ok(Arti::Profil(j));
        }
    }
    for c in &kandidat {
        if let Some((i, m)) = cocok_pertanyaan(c, inti_baku) {
            let kemiripan = (m * 100.0).floor().clamp(0.0, 100.0) as u8;
            return Ok(Arti::Unsur(i, None, AsalKolom::Pertanyaan { kemiripan }));
        }
    }
    Ok(Arti::Lain)
}

/// Maps a header onto the unsur of `regime`, with the instansi's mapping when there is one.
pub(crate) fn petakan(
    kepala: &[String],
    regime: &Regime,
    peta: Option<&PetaInstansi>,
) -> Result<Peta, String> {
    let n = regime.jumlah_unsur();
    let baku = pertanyaan_baku(regime).unwrap_or_default();
    // What every header is compared with, normalised once per header row.
    let inti_baku = siapkan(baku);
    let nama_baku: Vec<String> = regime.unsur_baku.iter().map(|u| normal(u)).collect();
    let mut unsur_kolom: Vec<Option<usize>> = vec![None; n];
    let mut nama_sendiri = vec![None; n];
    let mut asal = vec![AsalKolom::Kode; n];
    let mut profil: Vec<(usize, String, JenisProfil)> = Vec::new();
    let mut diabaikan = Vec::new();
    for (i, h) in kepala.iter().enumerate() {
        match arti(h, regime, baku, &inti_baku, &nama_baku, peta)? {
            Arti::Unsur(u, nama, cara) => {
                if let Some(lain) = unsur_kolom[u] {
                    return Err(format!(
                        "unsur U{} ada di dua kolom: '{}' (kolom {}) dan '{}' (kolom {})",
                        u + 1,
                        kepala[lain].trim_start_matches('\u{feff}'),
                        lain + 1,
                        h,
                        i + 1
                    ));
                }
                unsur_kolom[u] = Some(i);
                nama_sendiri[u] = nama;
                asal[u] = cara;
            }
            Arti::Profil(j) => {
                if let Some((k, hk, _)) = profil.iter().find(|p| p.2 == j) {
                    diabaikan.push(format!(
                        "{h} (kolom {}: {} sudah dari '{hk}', kolom {})",
                        i + 1,
                        j.label(),
                        k + 1
                    ));
                } else {
                    profil.push((i, h.trim_start_matches('\u{feff}').trim().to_string(), j));
                }
            }
            Arti::Lain => {
                if !h.trim().is_empty() {
                    diabaikan.push(h.trim_start_matches('\u{feff}').trim().to_string());
                }
            }
        }
    }
    let hilang: Vec<String> = unsur_kolom
        .iter()
        .enumerate()
        .filter(|(_, k)| k.is_none())
        .map(|(i, _)| format!("U{} ({})", i + 1, regime.unsur_baku[i]))
        .collect();
    if !hilang.is_empty() {
        return Err(format!(
            "{}: kolom unsur tidak ditemukan: {}. Beri kepala kolom U1..U{n}, nama unsurnya atau pertanyaan baku peraturan, atau sebutkan kolomnya dalam peta kuesioner (--peta); kepala berkas: {}",
            regime.nama,
            hilang.join(", "),
            kepala
                .iter()
                .map(|h| format!("'{}'", h.trim_start_matches('\u{feff}')))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    for (u, nama) in nama_sendiri.iter_mut().enumerate() {
        if let Some(x) = peta.and_then(|p| p.unsur(u)).and_then(|x| x.nama.clone()) {
            *nama = Some(x);
        }
    }
    let label = (0..n)
        .map(|u| {
            let sendiri = peta
                .and_then(|p| p.unsur(u))
                .and_then(|x| x.label.as_deref());
            LabelUnsur::new(sendiri, baku.get(u))
        })
        .collect();
    Ok(Peta {
        unsur_kolom: unsur_kolom.into_iter().flatten().collect(),
        nama_sendiri,
        asal,
        label,
        profil,
        diabaikan,
    })
}

/// Maps a header under the regime asked for, or under the one regime it fits.
pub(crate) fn petakan_otomatis(
    kepala: &[String],
    diminta: Option<&Regime>,
    peta: Option<&PetaInstansi>,
) -> Result<(Peta, Regime, AsalRegime), String> {
    let dari_peta = match peta {
        Some(p) => p.regime()?,
        None => None,
    };
    match (diminta, &dari_peta) {
        (Some(a), Some(b)) if a.kode != b.kode => {
            return Err(format!(
                "peta kuesioner menyatakan regime {} tetapi diminta {}",
                b.nama, a.nama
            ));
        }
        (Some(r), _) => {
            return petakan(kepala, r, peta).map(|p| (p, r.clone(), AsalRegime::Diminta));
        }
        (None, Some(r)) => {
            return petakan(kepala, r, peta).map(|p| (p, r.clone(), AsalRegime::Peta));
        }
        (None, None) => {}
    }
    let mut galat = Vec::new();
    for r in Regime::semua() {
        match petakan(kepala, &r, peta) {
            Ok(p) => return Ok((p, r, AsalRegime::JumlahUnsur)),
            Err(e) => galat.push(e),
        }
    }
    Err(format!(
        "kolom tidak cocok dengan regime mana pun:\n  {}",
        galat.join("\n  ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn codes_with_and_without_own_names() {
        assert_eq!(kode_u("U3"), Some((3, None)));
        assert_eq!(kode_u("u03"), Some((3, None)));
        assert_eq!(kode_u("U3_kecepatan"), Some((3, None)));
        assert_eq!(
            kode_u("U3. Kecepatan Pelayanan"),
            Some((3, Some("Kecepatan Pelayanan".into())))
        );
        assert_eq!(
            kode_u("U12 - Kenyamanan"),
            Some((12, Some("Kenyamanan".into())))
        );
        assert_eq!(kode_u("Umur"), None);
        assert_eq!(kode_u("U3a"), None);
        assert_eq!(kode_u("Unit"), None);
    }

    #[test]
    fn kobo_google_and_limesurvey_headers() {
        let r = Regime::permenpanrb_14_2017();
        let mut h = vec![
            "start".to_string(),
            "\u{feff}profil/jenis_kelamin".into(),
            "profil/umur".into(),
        ];
        for i in 1..=9 {
            h.push(format!("penilaian/U{i}"));
        }
        h.push("_submission_time".into());
        let p = petakan(&h, &r, None).unwrap();
        assert_eq!(p.unsur_kolom, (3..12).collect::<Vec<_>>());
        assert_eq!(
            p.profil.iter().map(|x| x.2).collect::<Vec<_>>(),
            [
                JenisProfil::JenisKelamin,
                JenisProfil::Umur,
                JenisProfil::Tanggal
            ]
        );
        assert_eq!(p.diabaikan, ["start"]);

        // Google Forms grid: "Question [Row]" with the regime's names as rows.
        let mut h = vec!["Cap waktu".to_string()];
        h.extend(r.unsur_baku.iter().map(|u| format!("Penilaian Anda [{u}]")));
        let p = petakan(&h, &r, None).unwrap();
        assert_eq!(p.unsur_kolom, (1..10).collect::<Vec<_>>());
        // LimeSurvey: "SKM[U1]".
        let h: Vec<String> = (1..=9).map(|i| format!("SKM[U{i}]")).collect();
        assert!(petakan(&h, &r, None).is_ok());
    }

    #[test]
    fn own_names_from_headers() {
        let r = Regime::permenpanrb_14_2017();
        let mut h: Vec<String> = (1..=9).map(|i| format!("U{i}")).collect();
        h[2] = "U3. Kecepatan Pelayanan".into();
        h[0] = "U1 Persyaratan".into(); // the regime's own name: not an own name
        let p = petakan(&h, &r, None).unwrap();
        assert_eq!(p.nama_sendiri[2].as_deref(), Some("Kecepatan Pelayanan"));
        assert_eq!(p.nama_sendiri[0], None);
    }

    #[test]
    fn missing_duplicate_and_out_of_range_columns() {
        let r = Regime::permenpanrb_14_2017();
        let e = petakan(&k(&["U1", "U2"]), &r, None).unwrap_err();
        assert!(e.contains("U3 (Waktu Penyelesaian)"), "{e}");
        let mut h: Vec<String> = (1..=9).map(|i| format!("U{i}")).collect();
        h.push("grup/U4".into());
        let e = petakan(&h, &r, None).unwrap_err();
        assert!(
            e.contains("U4 ada di dua kolom") && e.contains("kolom 10"),
            "{e}"
        );
        let h: Vec<String> = (1..=14).map(|i| format!("U{i}")).collect();
        assert!(petakan(&h, &r, None).unwrap_err().contains("U10"));
        // ...and recognised as 2004 when no regime is asked for.
        let (_, regime, asal) = petakan_otomatis(&h, None, None).unwrap();
        assert_eq!(
            (regime.kode.as_str(), asal),
            ("2004", AsalRegime::JumlahUnsur)
        );
    }
}
