//! Recognising the columns of a respondent file from its header.
//!
//! A header cell names an unsur when one of its readings (the whole text; the part after the last
//! `/` as KoboToolbox writes `group/question`; the part inside `[...]` as Google Forms and
//! LimeSurvey write `Question [Row]`; the part before `[`) is
//! - a code `U1`..`Un` (`u01`, `U1_persyaratan` as a Kobo name), optionally followed by the
//!   instansi's own name for the unsur after a space, `.`, `:` or `-` (`U3. Kecepatan Pelayanan`);
//! - or the regime's name of the unsur (case and punctuation ignored).
//!
//! Profile columns are recognised by name (see [`jenis_profil`]); other columns are ignored and
//! listed.

use kinerja_core::skm::{JenisProfil, Regime};

use crate::{AsalRegime, normal};

#[derive(Debug, Clone)]
pub(crate) struct Peta {
    /// Column index of each unsur, in unsur order.
    pub unsur_kolom: Vec<usize>,
    /// The instansi's own name of each unsur, when the header gave one.
    pub nama_sendiri: Vec<Option<String>>,
    /// Profile columns: (column index, header, kind).
    pub profil: Vec<(usize, String, JenisProfil)>,
    pub diabaikan: Vec<String>,
}

enum Arti {
    Unsur(usize, Option<String>),
    Profil(JenisProfil),
    Lain,
}

fn kandidat(h: &str) -> Vec<&str> {
    let h = h.trim_start_matches('\u{feff}').trim();
    let mut v = vec![h];
    if let Some((_, akhir)) = h.rsplit_once('/') {
        v.push(akhir.trim());
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
        | "timestamp" | "cap waktu" | "submission time" | "waktu pengisian" => Tanggal,
        _ => return None,
    })
}

fn arti(h: &str, regime: &Regime) -> Result<Arti, String> {
    let n = regime.jumlah_unsur();
    let kandidat = kandidat(h);
    for c in &kandidat {
        if let Some((k, nama)) = kode_u(c) {
            if k == 0 || k > n {
                return Err(format!(
                    "kolom '{h}' menyebut unsur U{k}, tetapi {} hanya punya U1..U{n}",
                    regime.nama
                ));
            }
            let nama = nama.filter(|x| normal(x) != normal(&regime.unsur_baku[k - 1]));
            return Ok(Arti::Unsur(k - 1, nama));
        }
        let nc = normal(c);
        if let Some(i) = regime.unsur_baku.iter().position(|u| normal(u) == nc) {
            return Ok(Arti::Unsur(i, None));
        }
    }
    for c in &kandidat {
        if let Some(j) = jenis_profil(c) {
            return Ok(Arti::Profil(j));
        }
    }
    Ok(Arti::Lain)
}

/// Maps a header onto the unsur of `regime`.
pub(crate) fn petakan(kepala: &[String], regime: &Regime) -> Result<Peta, String> {
    let n = regime.jumlah_unsur();
    let mut unsur_kolom: Vec<Option<usize>> = vec![None; n];
    let mut nama_sendiri = vec![None; n];
    let mut profil: Vec<(usize, String, JenisProfil)> = Vec::new();
    let mut diabaikan = Vec::new();
    for (i, h) in kepala.iter().enumerate() {
        match arti(h, regime)? {
            Arti::Unsur(u, nama) => {
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
            "{}: kolom unsur tidak ditemukan: {}. Beri kepala kolom U1..U{n} atau nama unsurnya; kepala berkas: {}",
            regime.nama,
            hilang.join(", "),
            kepala
                .iter()
                .map(|h| format!("'{}'", h.trim_start_matches('\u{feff}')))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Ok(Peta {
        unsur_kolom: unsur_kolom.into_iter().flatten().collect(),
        nama_sendiri,
        profil,
        diabaikan,
    })
}

/// Maps a header under the regime asked for, or under the one regime it fits.
pub(crate) fn petakan_otomatis(
    kepala: &[String],
    diminta: Option<&Regime>,
) -> Result<(Peta, Regime, AsalRegime), String> {
    if let Some(r) = diminta {
        return petakan(kepala, r).map(|p| (p, r.clone(), AsalRegime::Diminta));
    }
    let mut galat = Vec::new();
    for r in Regime::semua() {
        match petakan(kepala, &r) {
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
        let p = petakan(&h, &r).unwrap();
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
        let p = petakan(&h, &r).unwrap();
        assert_eq!(p.unsur_kolom, (1..10).collect::<Vec<_>>());
        // LimeSurvey: "SKM[U1]".
        let h: Vec<String> = (1..=9).map(|i| format!("SKM[U{i}]")).collect();
        assert!(petakan(&h, &r).is_ok());
    }

    #[test]
    fn own_names_from_headers() {
        let r = Regime::permenpanrb_14_2017();
        let mut h: Vec<String> = (1..=9).map(|i| format!("U{i}")).collect();
        h[2] = "U3. Kecepatan Pelayanan".into();
        h[0] = "U1 Persyaratan".into(); // the regime's own name: not an own name
        let p = petakan(&h, &r).unwrap();
        assert_eq!(p.nama_sendiri[2].as_deref(), Some("Kecepatan Pelayanan"));
        assert_eq!(p.nama_sendiri[0], None);
    }

    #[test]
    fn missing_duplicate_and_out_of_range_columns() {
        let r = Regime::permenpanrb_14_2017();
        let e = petakan(&k(&["U1", "U2"]), &r).unwrap_err();
        assert!(e.contains("U3 (Waktu Penyelesaian)"), "{e}");
        let mut h: Vec<String> = (1..=9).map(|i| format!("U{i}")).collect();
        h.push("grup/U4".into());
        let e = petakan(&h, &r).unwrap_err();
        assert!(
            e.contains("U4 ada di dua kolom") && e.contains("kolom 10"),
            "{e}"
        );
        let h: Vec<String> = (1..=14).map(|i| format!("U{i}")).collect();
        assert!(petakan(&h, &r).unwrap_err().contains("U10"));
        // ...and recognised as 2004 when no regime is asked for.
        let (_, regime, asal) = petakan_otomatis(&h, None).unwrap();
        assert_eq!(
            (regime.kode.as_str(), asal),
            ("2004", AsalRegime::JumlahUnsur)
        );
    }
}
