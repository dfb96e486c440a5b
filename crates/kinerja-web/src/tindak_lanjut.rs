//! The SKM report page's form: the population served and the survey's Rencana Tindak Lanjut
//! (add, change, remove actions), and the follow-up of the previous year's plan, turned into
//! the data set to save, or into field errors with nothing changed.
//!
//! Fields: `populasi`; `rtl.{id}.{unsur,kegiatan,jadwal,penanggung_jawab,hapus}` for an action
//! of this survey; `baru.{unsur,kegiatan,jadwal,penanggung_jawab}` for a new one (ignored while
//! all its texts are empty); `lalu.{id}.{status,hasil}` for an action of last year's plan.

use kinerja_core::id::{SurveiId, TindakLanjutId};
use kinerja_core::model::{DataInstansi, StatusTindakLanjut, SurveiSkm, TindakLanjutSkm};
use kinerja_core::validasi::batas_medan;
use kinerja_tampilan::KesalahanIsian;

/// The records the page shows: the survey's plan, and last year's plans of the same instansi.
pub(crate) fn rencana<'a>(
    data: &'a DataInstansi,
    s: &SurveiSkm,
) -> (Vec<&'a TindakLanjutSkm>, Vec<&'a TindakLanjutSkm>) {
    let lalu: Vec<&SurveiId> = data
        .skm
        .iter()
        .filter(|x| x.instansi == s.instansi && x.tahun.get() + 1 == s.tahun.get())
        .map(|x| &x.id)
        .collect();
    let mut ini: Vec<_> = data
        .tindak_lanjut_skm
        .iter()
        .filter(|t| t.survei == s.id)
        .collect();
    let mut dulu: Vec<_> = data
        .tindak_lanjut_skm
        .iter()
        .filter(|t| lalu.contains(&&t.survei))
        .collect();
    ini.sort_by_key(|t| t.unsur);
    dulu.sort_by_key(|t| t.unsur);
    (ini, dulu)
}

struct Pembaca<'a> {
    isian: &'a [(String, String)],
    salah: Vec<KesalahanIsian>,
}

impl Pembaca<'_> {
    fn nilai(&self, nama: &str) -> Option<&str> {
        self.isian
            .iter()
            .find(|(k, _)| k == nama)
            .map(|(_, v)| v.trim())
    }

    fn lapor(&mut self, medan: &str, pesan: impl Into<String>) {
        self.salah.push(KesalahanIsian {
            medan: medan.to_string(),
            pesan: pesan.into(),
        });
    }

    /// A required text of at most its field's length.
    fn teks(&mut self, nama: &str, medan: &str, wajib: bool) -> Option<String> {
        let v = self.nilai(nama).unwrap_or("").to_string();
        let batas = batas_medan("tindak_lanjut_skm", medan);
        if wajib && v.is_empty() {
            self.lapor(nama, "wajib diisi");
            None
        } else if v.chars().count() > batas {
            let batas = kinerja_core::angka::format_angka((batas as u64).into(), 0);
            self.lapor(nama, format!("paling banyak {batas} karakter"));
            None
        } else {
            Some(v)
        }
    }

    fn unsur(&mut self, nama: &str, jumlah: u32) -> Option<u32> {
        let v = self.nilai(nama).unwrap_or("");
        match v.parse::<u32>() {
            Ok(n) if (1..=jumlah).contains(&n) => Some(n),
            _ => {
                self.lapor(nama, format!("pilih unsur U1 sampai U{jumlah}"));
                None
            }
        }
    }
}

/// An id no record of the table holds: `rtl-{survei}-{n}` cut to the id length, then a counter.
fn id_baru(data: &DataInstansi, survei: &SurveiId) -> TindakLanjutId {
    let awal: String = format!("rtl-{survei}").chars().take(56).collect();
    (1u32..)
        .map(|n| format!("{awal}-{n}"))
        .filter_map(|s| TindakLanjutId::new(s).ok())
        .find(|id| data.tindak_lanjut_skm.iter().all(|t| &t.id != id))
        .expect("an unused id exists below u32::MAX")
}

/// The data set with the form applied, or the field errors (nothing applied).
pub(crate) fn terapkan(
    data: &DataInstansi,
    survei: &SurveiId,
    jumlah_unsur: u32,
    isian: &[(String, String)],
) -> Result<DataInstansi, Vec<KesalahanIsian>> {
    let mut p = Pembaca {
        isian,
        salah: Vec::new(),
    };
    let mut baru = data.clone();
    let Some(s) = baru.skm.iter_mut().find(|s| &s.id == survei) else {
        p.lapor("populasi", format!("survei \"{survei}\" tidak ada"));
        return Err(p.salah);
    };
    match crate::survei::baca_populasi(p.nilai("populasi").unwrap_or("")) {
        Ok(v) => s.populasi = v,
        Err(m) => p.lapor("populasi", m),
    }
    let survei_ini = s.id.clone();
    let lalu: Vec<TindakLanjutId> = rencana(data, s)
        .1
        .into_iter()
        .map(|t| t.id.clone())
        .collect();
    let mut hapus = Vec::new();
    for t in baru.tindak_lanjut_skm.iter_mut() {
        if t.survei == survei_ini {
            let n = |m: &str| format!("rtl.{}.{m}", t.id);
            if p.nilai(&n("hapus")).is_some() {
                hapus.push(t.id.clone());
                continue;
            }
            if let Some(u) = p.unsur(&n("unsur"), jumlah_unsur) {
                t.unsur = u;
            }
            for (medan, tempat) in [
                ("kegiatan", &mut t.kegiatan),
                ("jadwal", &mut t.jadwal),
                ("penanggung_jawab", &mut t.penanggung_jawab),
            ] {
                if let Some(v) = p.teks(&n(medan), medan, true) {
                    *tempat = v;
                }
            }
        } else if lalu.contains(&t.id) {
            let n = |m: &str| format!("lalu.{}.{m}", t.id);
            match p.nilai(&n("status")).map(StatusTindakLanjut::dari_kode) {
                Some(Some(st)) => t.status = st,
                Some(None) => p.lapor(&n("status"), "pilih salah satu status"),
                None => {}
            }
            if let Some(v) = p.teks(&n("hasil"), "hasil", false) {
                t.hasil = (!v.is_empty()).then_some(v);
            }
        }
    }
    baru.tindak_lanjut_skm.retain(|t| !hapus.contains(&t.id));
    let teks_baru = ["kegiatan", "jadwal", "penanggung_jawab"];
    if teks_baru
        .iter()
        .any(|m| !p.nilai(&format!("baru.{m}")).unwrap_or("").is_empty())
    {
        let unsur = p.unsur("baru.unsur", jumlah_unsur);
        let [k, j, pj] = teks_baru.map(|m| p.teks(&format!("baru.{m}"), m, true));
        if let (Some(unsur), Some(kegiatan), Some(jadwal), Some(penanggung_jawab)) =
            (unsur, k, j, pj)
        {
            let id = id_baru(&baru, &survei_ini);
            baru.tindak_lanjut_skm.push(TindakLanjutSkm {
                id,
                survei: survei_ini,
                unsur,
                kegiatan,
                jadwal,
                penanggung_jawab,
                status: StatusTindakLanjut::Rencana,
                hasil: None,
            });
        }
    }
    if p.salah.is_empty() {
        Ok(baru)
    } else {
        Err(p.salah)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kinerja_core::id::InstansiId;
    use kinerja_core::waktu::Tahun;

    fn survei(id: &str, tahun: u16) -> SurveiSkm {
        SurveiSkm {
            id: SurveiId::new(id).unwrap(),
            instansi: InstansiId::new("mumbulsari").unwrap(),
            tahun: Tahun::new(i64::from(tahun)).unwrap(),
            regime: "permenpanrb-14-2017".into(),
            indikator: None,
            responden: None,
            populasi: None,
            unsur: vec![],
            catatan: None,
        }
    }

    fn rtl(id: &str, survei: &str, unsur: u32) -> TindakLanjutSkm {
        TindakLanjutSkm {
            id: TindakLanjutId::new(id).unwrap(),
            survei: SurveiId::new(survei).unwrap(),
            unsur,
            kegiatan: "Kotak pengaduan daring".into(),
            jadwal: "Triwulan I 2025".into(),
            penanggung_jawab: "Seksi Pelayanan Umum".into(),
            status: StatusTindakLanjut::Rencana,
            hasil: None,
        }
    }

    fn data() -> DataInstansi {
        DataInstansi {
            skm: vec![survei("skm-2023", 2023), survei("skm-2024", 2024)],
            tindak_lanjut_skm: vec![rtl("a", "skm-2024", 9), rtl("lama", "skm-2023", 4)],
            ..Default::default()
        }
    }

    fn isi(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    fn id(s: &str) -> SurveiId {
        SurveiId::new(s).unwrap()
    }

    #[test]
    fn a_new_action_is_added_and_the_population_read_the_indonesian_way() {
        let f = isi(&[
            ("populasi", "1.250"),
            ("rtl.a.unsur", "9"),
            ("rtl.a.kegiatan", "Kotak pengaduan daring"),
            ("rtl.a.jadwal", "Triwulan I 2025"),
            ("rtl.a.penanggung_jawab", "Seksi Pelayanan Umum"),
            ("baru.unsur", "3"),
            ("baru.kegiatan", "Papan alur layanan di loket"),
            ("baru.jadwal", "Maret 2025"),
            ("baru.penanggung_jawab", "Sekretaris Camat"),
        ]);
        let d = terapkan(&data(), &id("skm-2024"), 9, &f).unwrap();
        assert_eq!(d.skm[1].populasi, Some(1250));
        assert_eq!(d.tindak_lanjut_skm.len(), 3);
        let b = d.tindak_lanjut_skm.last().unwrap();
        assert_eq!(b.id.as_str(), "rtl-skm-2024-1");
        assert_eq!((b.unsur, b.jadwal.as_str()), (3, "Maret 2025"));
        // Last year's action was not in the form: untouched.
        assert_eq!(d.tindak_lanjut_skm[1], data().tindak_lanjut_skm[1]);
    }

    #[test]
    fn a_checked_removal_removes_only_that_action() {
        let f = isi(&[("rtl.a.hapus", "1")]);
        let d = terapkan(&data(), &id("skm-2024"), 9, &f).unwrap();
        assert_eq!(d.tindak_lanjut_skm.len(), 1);
        assert_eq!(d.tindak_lanjut_skm[0].id.as_str(), "lama");
    }

    #[test]
    fn last_years_action_takes_its_follow_up() {
        let f = isi(&[
            ("rtl.a.unsur", "9"),
            ("rtl.a.kegiatan", "x"),
            ("rtl.a.jadwal", "y"),
            ("rtl.a.penanggung_jawab", "z"),
            ("lalu.lama.status", "selesai"),
            ("lalu.lama.hasil", "Pengaduan dijawab rata-rata 3 hari"),
        ]);
        let d = terapkan(&data(), &id("skm-2024"), 9, &f).unwrap();
        let t = d.tindak_lanjut_skm.iter().find(|t| t.id.as_str() == "lama");
        let t = t.unwrap();
        assert_eq!(t.status, StatusTindakLanjut::Selesai);
        assert_eq!(
            t.hasil.as_deref(),
            Some("Pengaduan dijawab rata-rata 3 hari")
        );
    }

    #[test]
    fn every_bad_field_is_named_and_nothing_is_applied() {
        let panjang = "x".repeat(2_001);
        let f = isi(&[
            ("populasi", "0"),
            ("rtl.a.unsur", "10"),
            ("rtl.a.kegiatan", &panjang),
            ("rtl.a.jadwal", ""),
            ("rtl.a.penanggung_jawab", "z"),
            ("baru.kegiatan", "tanpa jadwal"),
            ("lalu.lama.status", "entah"),
        ]);
        let e = terapkan(&data(), &id("skm-2024"), 9, &f).unwrap_err();
        let medan: Vec<&str> = e.iter().map(|k| k.medan.as_str()).collect();
        assert_eq!(
            medan,
            [
                "populasi",
                "rtl.a.unsur",
                "rtl.a.kegiatan",
                "rtl.a.jadwal",
                "lalu.lama.status",
                "baru.unsur",
                "baru.jadwal",
                "baru.penanggung_jawab"
            ]
        );
        assert!(e[2].pesan.contains("2.000"), "{}", e[2].pesan);
    }

    #[test]
    fn a_population_with_decimals_or_words_is_refused() {
        for v in ["12,5", "seribu", "-3", "1e3"] {
            let e = terapkan(&data(), &id("skm-2024"), 9, &isi(&[("populasi", v)]));
            let e = e.unwrap_err();
            assert_eq!(e[0].medan, "populasi", "{v}");
        }
    }
}
