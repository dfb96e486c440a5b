//! The hosted survey's form token and its rules. A token is issued with every survey form and
//! taken back with the answers: `{expiry}.{nonce}.{HMAC-SHA256}` over the instansi, the
//! layanan, the expiry and the nonce, keyed with the database's survey key (so several servers
//! on one database accept each other's forms, and a GET writes nothing). The store keeps the
//! token's digest with the answers: a token is spent once (`HasilKirim::TokenTerpakai`).
//! Also the adapters between the stored respondents and the pages: the address a client is
//! counted under, the poster's full address, the operator's summary and the computed survey.

use axum::http::{HeaderMap, HeaderValue};
use hmac::{Hmac, Mac};
use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_core::skm::isian::{self, IsianSurvei};
use kinerja_core::skm::{GalatSkm, Opsi, PembulatanSampel, hitung_tabulasi, ukuran_sampel};
use kinerja_core::waktu::Tahun;
use kinerja_simpan::{BatasSurvei, RespondenTersimpan};
use sha2::Sha256;
use std::net::IpAddr;
use time::{OffsetDateTime, UtcOffset};

type HmacSha256 = Hmac<Sha256>;

/// The hosted survey's rules: how long a form stays valid and the store's abuse limits.
#[derive(Debug, Clone, Copy)]
pub struct AturanSurvei {
    /// A form must be sent within this many seconds of opening it.
    pub umur_token_detik: i64,
    pub batas: BatasSurvei,
}

impl Default for AturanSurvei {
    /// Two hours to fill in nine questions and the profile, and the store's default limits.
    fn default() -> AturanSurvei {
        AturanSurvei {
            umur_token_detik: 2 * 3600,
            batas: BatasSurvei::default(),
        }
    }
}

/// Why a token is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenDitolak {
    /// Not a token of this survey: forged, altered, for another instansi or layanan, or from
    /// another database.
    TidakSah,
    Kedaluwarsa,
}

fn mac(kunci: &str, instansi: &str, layanan: &str, batas: i64, nonce: &str) -> HmacSha256 {
    // HMAC takes a key of any length; the error type exists for other MACs.
    let mut m = HmacSha256::new_from_slice(kunci.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts every key length"));
    m.update(format!("survei\n{instansi}\n{layanan}\n{batas}\n{nonce}").as_bytes());
    m
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn dari_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// A fresh token for a form of `instansi` / `layanan` opened at `kini`.
pub(crate) fn token_baru(
    kunci: &str,
    instansi: &str,
    layanan: &str,
    kini: OffsetDateTime,
    a: &AturanSurvei,
) -> String {
    let batas = kini.unix_timestamp() + a.umur_token_detik;
    let nonce = crate::akun::token_acak();
    let tanda = hex(&mac(kunci, instansi, layanan, batas, &nonce)
        .finalize()
        .into_bytes());
    format!("{batas}.{nonce}.{tanda}")
}

/// Checks a token sent with a form of `instansi` / `layanan` at `kini`.
pub(crate) fn periksa_token(
    kunci: &str,
    instansi: &str,
    layanan: &str,
    token: &str,
    kini: OffsetDateTime,
) -> Result<(), TokenDitolak> {
    let mut bagian = token.split('.');
    let (Some(batas), Some(nonce), Some(tanda), None) =
        (bagian.next(), bagian.next(), bagian.next(), bagian.next())
    else {
        return Err(TokenDitolak::TidakSah);
    };
    let batas: i64 = batas.parse().map_err(|_| TokenDitolak::TidakSah)?;
    let tanda = dari_hex(tanda).ok_or(TokenDitolak::TidakSah)?;
    mac(kunci, instansi, layanan, batas, nonce)
        .verify_slice(&tanda)
        .map_err(|_| TokenDitolak::TidakSah)?;
    if kini.unix_timestamp() > batas {
        return Err(TokenDitolak::Kedaluwarsa);
    }
    Ok(())
}

/// The survey period a submission at `kini` belongs to: the year in Western Indonesian Time
/// (UTC+7; a submission in the first hours of 1 January WITA or WIT counts to the new year
/// only from 00:00 WIB, a difference of at most two hours a year).
pub(crate) fn tahun_survei(kini: OffsetDateTime) -> Option<Tahun> {
    let wib = UtcOffset::from_hms(7, 0, 0).ok()?;
    Tahun::new(i64::from(kini.to_offset(wib).year())).ok()
}

/// A layanan as an address segment names it: lower-case letters, digits and `-`, at most 40
/// characters, not a word the survey's own addresses use.
pub(crate) fn layanan_sah(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s != "poster"
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

/// The key a client's answers are counted under: its address, an IPv6 address by its /64
/// (one subscriber's block, which a client can change at will); `tanpa-alamat` when unknown
/// (a server embedded without `ConnectInfo`).
pub(crate) fn alamat_jaringan(ip: Option<IpAddr>) -> String {
    match ip {
        Some(IpAddr::V4(a)) => a.to_string(),
        Some(IpAddr::V6(a)) => {
            let s = a.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        None => "tanpa-alamat".into(),
    }
}

/// The survey's full address for the poster: the host the client used (the proxy's
/// `X-Forwarded-Proto` or `--publik` for https), `localhost` when the header is unusable.
pub(crate) fn alamat_penuh(
    host: Option<&HeaderValue>,
    headers: &HeaderMap,
    jalur: &str,
    https: bool,
) -> String {
    let host = host
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.bytes().all(|b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']')
                })
        })
        .unwrap_or("localhost");
    let https = https
        || headers
            .get("x-forwarded-proto")
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"));
    format!("{}://{host}{jalur}", if https { "https" } else { "http" })
}

/// The respondents of a year in the operator's terms: per address, and the Krejcie-Morgan
/// minimum for the population typed (`populasi`, Indonesian digits: `1.250`).
pub(crate) fn ringkas_web(
    data: &DataInstansi,
    id: &InstansiId,
    tahun: Tahun,
    responden: &[RespondenTersimpan],
    populasi: &str,
    ubah: bool,
) -> kinerja_tampilan::SurveiWeb {
    let mut layanan: Vec<kinerja_tampilan::BarisLayanan> = Vec::new();
    for r in responden {
        match layanan.iter_mut().find(|b| b.layanan == r.layanan) {
            Some(b) => b.responden += 1,
            None => layanan.push(kinerja_tampilan::BarisLayanan {
                alamat: match r.layanan.as_str() {
                    "" => format!("/survei/{id}"),
                    l => format!("/survei/{id}/{l}"),
                },
                layanan: r.layanan.clone(),
                responden: 1,
            }),
        }
    }
    layanan.sort_by(|a, b| a.layanan.cmp(&b.layanan));
    let teks = populasi.trim();
    let (minimum, masalah_populasi) = match baca_populasi(teks) {
        Ok(p) => (
            p.map(|p| ukuran_sampel(p, PembulatanSampel::Terdekat)),
            None,
        ),
        Err(m) => (None, Some(m)),
    };
    kinerja_tampilan::SurveiWeb {
        instansi: data
            .instansi
            .iter()
            .find(|i| &i.id == id)
            .map_or_else(|| id.to_string(), |i| i.nama.clone()),
        instansi_id: id.to_string(),
        tahun: tahun.get(),
        responden: layanan.iter().map(|b| b.responden).sum(),
        layanan,
        populasi: teks.to_string(),
        minimum,
        masalah_populasi,
        indikator: data
            .indikator
            .iter()
            .map(|i| {
                (
                    i.id.to_string(),
                    format!("{} ({})", i.uraian, i.id.as_str()),
                )
            })
            .collect(),
        ubah,
    }
}

/// The hosted survey of a year (one layanan's, or every address's) computed as an uploaded
/// survey is, for the same preview and confirmation.
pub(crate) fn bacaan_web(
    responden: &[RespondenTersimpan],
    tahun: Tahun,
    layanan: Option<&str>,
) -> Result<crate::skm::Bacaan, String> {
    let isian: Vec<IsianSurvei> = responden.iter().map(|r| r.isian.clone()).collect();
    let (k, tab) = isian::tabulasi(&isian).map_err(|e| e.to_string())?;
    let hasil = hitung_tabulasi(&k, &tab, &Opsi::default()).map_err(|e| match e {
        GalatSkm::TanpaResponden => format!("belum ada jawaban survei di web untuk tahun {tahun}"),
        e => e.to_string(),
    })?;
    Ok(crate::skm::Bacaan {
        berkas: match layanan {
            Some("") => format!("survei di web {tahun} (alamat umum)"),
            Some(l) => format!("survei di web {tahun} (layanan {l})"),
            None => format!("survei di web {tahun}"),
        },
        hasil,
        dilewati: Vec::new(),
    })
}

/// A population typed the Indonesian way (`1.250`): empty is none; anything but a whole
/// number from 1 is refused with the text quoted.
pub(crate) fn baca_populasi(teks: &str) -> Result<Option<u64>, String> {
    let teks = teks.trim();
    if teks.is_empty() {
        return Ok(None);
    }
    kinerja_core::angka::parse_angka(teks)
        .ok()
        .filter(|d| d.fract().is_zero())
        .and_then(|d| u64::try_from(d).ok())
        .filter(|p| *p > 0)
        .map(Some)
        .ok_or_else(|| format!("populasi \"{teks}\" bukan bilangan bulat positif (contoh: 1.250)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_accepted_only_unaltered_for_its_form_and_in_time() {
        let a = AturanSurvei::default();
        let kini = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
        let t = token_baru("kunci", "mumbulsari", "ktp", kini, &a);
        assert_eq!(
            periksa_token("kunci", "mumbulsari", "ktp", &t, kini),
            Ok(())
        );
        let nanti = kini + time::Duration::seconds(a.umur_token_detik);
        assert_eq!(
            periksa_token("kunci", "mumbulsari", "ktp", &t, nanti),
            Ok(())
        );
        let lewat = nanti + time::Duration::seconds(1);
        assert_eq!(
            periksa_token("kunci", "mumbulsari", "ktp", &t, lewat),
            Err(TokenDitolak::Kedaluwarsa)
        );
        let tidak = Err(TokenDitolak::TidakSah);
        assert_eq!(periksa_token("lain", "mumbulsari", "ktp", &t, kini), tidak);
        assert_eq!(periksa_token("kunci", "jember", "ktp", &t, kini), tidak);
        assert_eq!(periksa_token("kunci", "mumbulsari", "", &t, kini), tidak);
        // A later expiry written over the signed one.
        let (batas, sisa) = t.split_once('.').unwrap();
        let diubah = format!("{}.{sisa}", batas.parse::<i64>().unwrap() + 3600);
        assert_eq!(
            periksa_token("kunci", "mumbulsari", "ktp", &diubah, kini),
            tidak
        );
        for x in ["", "1.2", "a.b.c", "1.2.zz", &format!("{t}.x")] {
            assert_eq!(
                periksa_token("kunci", "mumbulsari", "ktp", x, kini),
                tidak,
                "{x}"
            );
        }
    }

    #[test]
    fn the_period_is_the_year_in_wib() {
        // 31 December 2025 17:30 UTC is 1 January 2026 00:30 WIB.
        let t = OffsetDateTime::from_unix_timestamp(1_767_202_200).unwrap();
        assert_eq!(t.year(), 2025);
        assert_eq!(tahun_survei(t), Tahun::new(2026).ok());
    }

    #[test]
    fn layanan_names() {
        for s in ["ktp", "akta-lahir", "poli-umum-2"] {
            assert!(layanan_sah(s), "{s}");
        }
        for s in [
            "",
            "KTP",
            "akta lahir",
            "poster",
            "-x",
            &"a".repeat(41),
            "ktp/1",
        ] {
            assert!(!layanan_sah(s), "{s}");
        }
    }
}
