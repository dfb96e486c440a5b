//! Stated figures (`Tercatat`) beside the figures computed from primary data, and stated totals
//! beside the sum of their stated parts.

mod anggaran;
mod capaian;
mod jumlah;
mod skm;

use crate::{Konteks, LokasiTemuan, Temuan, Tingkat};
use kinerja_core::angka::{bulatkan, format_angka};
use kinerja_core::model::*;
use kinerja_core::waktu::Tahun;
use rust_decimal::{Decimal, RoundingStrategy};

/// A figure computed from primary data, or why there is none.
enum Dihitung {
    Angka(Decimal, String),
    Teks(String, String),
    TidakDapat(String),
}

fn angka(d: Decimal, cara: impl Into<String>) -> Dihitung {
    Dihitung::Angka(d, cara.into())
}
fn tidak(alasan: impl Into<String>) -> Dihitung {
    Dihitung::TidakDapat(alasan.into())
}

pub(crate) fn lokasi(t: &Tercatat) -> LokasiTemuan {
    LokasiTemuan {
        dokumen: t.lokasi.dokumen.clone(),
        tabel: t.lokasi.bagian.clone(),
        baris: t.lokasi.baris.clone(),
    }
}

pub(crate) fn teks_subjek(k: &Konteks, s: &Subjek) -> String {
    let d = k.data;
    match s {
        Subjek::Instansi => "instansi".into(),
        Subjek::Sasaran(id) => d
            .sasaran
            .iter()
            .find(|x| &x.id == id)
            .map(|x| format!("sasaran \"{}\"", x.uraian))
            .unwrap_or_else(|| format!("sasaran {id}")),
        Subjek::Indikator(id) => d
            .indikator
            .iter()
            .find(|x| &x.id == id)
            .map(|x| format!("indikator \"{}\"", x.uraian))
            .unwrap_or_else(|| format!("indikator {id}")),
        Subjek::Program(id) => d
            .program
            .iter()
            .find(|x| &x.id == id)
            .map(|x| format!("program \"{}\"", x.nama))
            .unwrap_or_else(|| format!("program {id}")),
        Subjek::Kegiatan(id) => d
            .kegiatan
            .iter()
            .find(|x| &x.id == id)
            .map(|x| format!("kegiatan \"{}\"", x.nama))
            .unwrap_or_else(|| format!("kegiatan {id}")),
        Subjek::SubKegiatan(id) => d
            .sub_kegiatan
            .iter()
            .find(|x| &x.id == id)
            .map(|x| format!("sub kegiatan \"{}\"", x.nama))
            .unwrap_or_else(|| format!("sub kegiatan {id}")),
        Subjek::Belanja(j) => j.label().to_lowercase(),
        Subjek::Survei(id) => format!("SKM {id}"),
        Subjek::UnsurSkm { survei, nomor } => d
            .skm
            .iter()
            .find(|x| &x.id == survei)
            .and_then(|x| x.unsur.iter().find(|u| u.nomor == *nomor))
            .map(|u| format!("unsur SKM {nomor} \"{}\"", u.nama))
            .unwrap_or_else(|| format!("unsur SKM {nomor}")),
        Subjek::Label(l) => format!("baris \"{l}\""),
    }
}

pub(crate) fn teks_ukuran(u: &Ukuran) -> String {
    match u {
        Ukuran::Target => "target".into(),
        Ukuran::TargetAkhir => "target akhir Renstra".into(),
        Ukuran::Realisasi => "realisasi".into(),
        Ukuran::Capaian => "capaian".into(),
        Ukuran::Predikat => "predikat".into(),
        Ukuran::TingkatKemajuan => "tingkat kemajuan".into(),
        Ukuran::Nasional => "realisasi nasional".into(),
        Ukuran::SelisihNasional => "selisih dengan nasional".into(),
        Ukuran::Pagu => "pagu".into(),
        Ukuran::RealisasiAnggaran => "realisasi anggaran".into(),
        Ukuran::Serapan => "serapan".into(),
        Ukuran::Proporsi => "proporsi".into(),
        Ukuran::JumlahSasaran => "jumlah sasaran".into(),
        Ukuran::JumlahIndikator => "jumlah indikator".into(),
        Ukuran::JumlahIndikatorBerpredikat(p) => format!("jumlah indikator berpredikat {p}"),
        Ukuran::JumlahProgram => "jumlah program".into(),
        Ukuran::JumlahKegiatan => "jumlah kegiatan".into(),
        Ukuran::SkorSkm => "skor SKM".into(),
        Ukuran::PredikatSkm => "predikat SKM".into(),
    }
}

fn id_subjek(s: &Subjek) -> String {
    match s {
        Subjek::Instansi => "instansi".into(),
        Subjek::Sasaran(i) => format!("sasaran:{i}"),
        Subjek::Indikator(i) => format!("indikator:{i}"),
        Subjek::Program(i) => format!("program:{i}"),
        Subjek::Kegiatan(i) => format!("kegiatan:{i}"),
        Subjek::SubKegiatan(i) => format!("sub_kegiatan:{i}"),
        Subjek::Belanja(j) => format!("belanja:{j:?}"),
        Subjek::Survei(i) => format!("skm:{i}"),
        Subjek::UnsurSkm { survei, nomor } => format!("skm:{survei}:{nomor}"),
        Subjek::Label(l) => format!("label:{l}"),
    }
}

pub(crate) fn kunci(t: &Tercatat) -> String {
    format!(
        "{}/{}/{}/{}{}",
        t.lokasi.bagian,
        t.lokasi.baris.as_deref().unwrap_or("-"),
        id_subjek(&t.subjek),
        teks_ukuran(&t.ukuran).replace(' ', "_"),
        t.tahun.map(|y| format!("/{y}")).unwrap_or_default()
    )
}

/// Why a stated figure's kind has no computation for its subject.
const TIDAK_BERLAKU: &str = "ukuran ini tidak berlaku untuk subjek ini";

fn hitung(k: &Konteks, t: &Tercatat, tahun: Tahun) -> Dihitung {
    let anggaran = matches!(
        t.ukuran,
        Ukuran::Pagu | Ukuran::RealisasiAnggaran | Ukuran::Serapan | Ukuran::Proporsi
    );
    if matches!(
        t.subjek,
        Subjek::Program(_) | Subjek::Kegiatan(_) | Subjek::SubKegiatan(_) | Subjek::Belanja(_)
    ) && !anggaran
    {
        return tidak(
            "untuk program dan kegiatan hanya angka anggaran yang dapat dihitung ulang; realisasi keluaran dicatat per indikator kegiatan",
        );
    }
    match &t.subjek {
        Subjek::Label(_) => tidak("baris ini tidak merujuk unsur rencana mana pun"),
        Subjek::Indikator(i) => capaian::indikator(k, t, i, tahun),
        Subjek::UnsurSkm { survei, nomor } => skm::unsur(k, survei, nomor, t),
        Subjek::Survei(s) => skm::survei(k, s, t),
        _ if anggaran => anggaran::hitung(k, t, tahun),
        Subjek::Instansi | Subjek::Sasaran(_) => match t.ukuran {
            Ukuran::Capaian | Ukuran::Predikat => capaian::ringkasan(k, t, tahun),
            _ => jumlah::hitung(k, t, tahun),
        },
        // Program, kegiatan and spending types with a non-budget figure were answered above.
        _ => tidak(TIDAK_BERLAKU),
    }
}

fn aturan_untuk(u: &Ukuran, s: &Subjek) -> &'static str {
    match (s, u) {
        (Subjek::Survei(_) | Subjek::UnsurSkm { .. }, _) => "SKM-HITUNG-ULANG",
        (_, Ukuran::Pagu | Ukuran::RealisasiAnggaran | Ukuran::Serapan | Ukuran::Proporsi) => {
            "ANGGARAN-TERCATAT"
        }
        (_, Ukuran::Capaian | Ukuran::Predikat) => "CAPAIAN-TERCATAT",
        (
            _,
            Ukuran::JumlahSasaran
            | Ukuran::JumlahIndikator
            | Ukuran::JumlahIndikatorBerpredikat(_)
            | Ukuran::JumlahProgram
            | Ukuran::JumlahKegiatan,
        ) => "JUMLAH-DALAM-TEKS",
        _ => "PENGUKURAN-TERCATAT",
    }
}

fn nilai_teks(v: &NilaiTercatat) -> String {
    match v {
        NilaiTercatat::Angka(d) => format_angka(*d, d.scale()),
        NilaiTercatat::Teks(s) => format!("\"{s}\""),
    }
}

pub(crate) fn periksa(k: &Konteks, out: &mut Vec<Temuan>) {
    // Only the figures the year's documents state: a 2021 reviu does not report the 2020
    // report's errors again (they are that year's), and a figure without a year of its own is
    // about its document's year, not the year reviewed.
    for t in k.data.tercatat.iter().filter(|t| t.milik_tahun(k.tahun)) {
        let tahun = t.tahun_angka().unwrap_or(k.tahun);
        let subjek = teks_subjek(k, &t.subjek);
        let ukuran = teks_ukuran(&t.ukuran);
        let tertulis = t
            .tertulis
            .as_ref()
            .map(|w| format!(" (tertulis \"{w}\")"))
            .unwrap_or_default();
        let mut temuan = |aturan: &str, tingkat, pesan: String, tercatat, dihitung, pembulatan| {
            out.push(Temuan {
                aturan: aturan.into(),
                tingkat,
                lokasi: lokasi(t),
                pesan,
                tercatat,
                dihitung,
                pembulatan,
                kunci: kunci(t),
                diterima: None,
            })
        };
        // A row the transcriber could not tie to anything in the data: the figure cannot be
        // checked, which the reviewer should know, but nothing says the plan lacks it (the row
        // may be a plan element not transcribed, or one named differently).
        if let Subjek::Label(l) = &t.subjek {
            temuan(
                "BARIS-TANPA-RUJUKAN",
                Tingkat::Peringatan,
                format!(
                    "baris \"{l}\" tidak dirujukkan ke sasaran, indikator, program, kegiatan atau sub kegiatan mana pun dalam data, sehingga {ukuran} {}{tertulis} yang tercatat untuknya tidak dapat diperiksa",
                    nilai_teks(&t.nilai)
                ),
                angka_dari(&t.nilai),
                None,
                None,
            );
            continue;
        }
        let aturan = aturan_untuk(&t.ukuran, &t.subjek);
        // A value printed with a label ("B 91,51 %") is compared on its number.
        let nilai = match &t.nilai {
            NilaiTercatat::Teks(s) => match kinerja_core::nilai::Nilai::parse(s)
                .ok()
                .and_then(|n| n.angka_setara())
            {
                Some(v) => NilaiTercatat::Angka(v),
                None => t.nilai.clone(),
            },
            v => v.clone(),
        };
        let tertulis = match (&t.nilai, &nilai, tertulis.is_empty()) {
            (NilaiTercatat::Teks(s), NilaiTercatat::Angka(_), true) => {
                format!(" (tertulis \"{s}\")")
            }
            _ => tertulis,
        };
        match (hitung(k, t, tahun), &nilai) {
            (Dihitung::TidakDapat(alasan), v) => temuan(
                aturan,
                Tingkat::Info,
                format!(
                    "{ukuran} {subjek} tercatat {}{tertulis}; tidak dapat dihitung ulang: {alasan}",
                    nilai_teks(v)
                ),
                angka_dari(v),
                None,
                None,
            ),
            (Dihitung::Angka(h, cara), NilaiTercatat::Angka(s)) => {
                let dp = s.scale();
                if bulatkan(h, dp) == *s {
                    continue;
                }
                // Cut rather than rounded (45,678 printed 45,67): the figure is right but for
                // the last digit's rounding, a lesser finding than a wrong one.
                if h.round_dp_with_strategy(dp, RoundingStrategy::ToZero) == *s {
                    temuan(
                        aturan,
                        Tingkat::Peringatan,
                        format!(
                            "{ukuran} {subjek} tercatat {}{tertulis}: dihitung {} ({cara}), yang dipotong ke {dp} desimal, bukan dibulatkan (seharusnya {})",
                            format_angka(*s, dp),
                            format_angka(h, (dp + 2).max(2)),
                            format_angka(h, dp),
                        ),
                        Some(*s),
                        Some(h),
                        Some(format!(
                            "angka tercatat sama dengan hasil hitung dipotong (bukan dibulatkan) ke {dp} desimal"
                        )),
                    );
                } else {
                    temuan(
                        aturan,
                        Tingkat::Galat,
                        format!(
                            "{ukuran} {subjek} tercatat {}{tertulis}, dihitung {} ({cara})",
                            format_angka(*s, dp),
                            format_angka(h, if h.fract().is_zero() { 0 } else { dp.max(2) }),
                        ),
                        Some(*s),
                        Some(h),
                        Some(format!(
                            "dibandingkan setelah dibulatkan ke {dp} desimal (setengah menjauhi nol), sesuai presisi angka tercatat"
                        )),
                    );
                }
            }
            (Dihitung::Teks(h, cara), NilaiTercatat::Teks(s)) => {
                if !h.trim().eq_ignore_ascii_case(s.trim()) {
                    temuan(
                        aturan,
                        Tingkat::Galat,
                        format!(
                            "{ukuran} {subjek} tercatat \"{s}\"{tertulis}, seharusnya \"{h}\" ({cara})"
                        ),
                        None,
                        None,
                        None,
                    );
                }
            }
            (Dihitung::Angka(h, cara), NilaiTercatat::Teks(s)) => temuan(
                aturan,
                Tingkat::Peringatan,
                format!(
                    "{ukuran} {subjek} tercatat sebagai teks \"{s}\"{tertulis}, padahal dapat dihitung: {} ({cara})",
                    format_angka(h, 2)
                ),
                None,
                Some(h),
                None,
            ),
            (Dihitung::Teks(h, cara), NilaiTercatat::Angka(s)) => temuan(
                aturan,
                Tingkat::Peringatan,
                format!(
                    "{ukuran} {subjek} tercatat sebagai angka {}{tertulis}; dihitung \"{h}\" ({cara})",
                    format_angka(*s, s.scale())
                ),
                Some(*s),
                None,
                None,
            ),
        }
    }
    anggaran::jumlah_bagian(k, out);
}

pub(super) fn angka_dari(v: &NilaiTercatat) -> Option<Decimal> {
    match v {
        NilaiTercatat::Angka(d) => Some(*d),
        NilaiTercatat::Teks(_) => None,
    }
}
