//! The regulations' standard questionnaires: each unsur's question as the annex words it and its
//! four answers, from 1 to 4. Readers recognise exported survey columns by this wording and read
//! each question's own answers; a form kinerja hosts would print them.
//!
//! Sources (the annex examples; wording as printed, numbering dropped):
//! - PermenPANRB 14/2017, Lampiran, contoh kuesioner (questions 1-9 with answers a-d = 1-4), as
//!   reproduced in "Permen 14 2017" (pdfcoffee.com/permen-14-2017-okkk-pdf-free.html) and, for
//!   question 8, BPS Sirusa variable metadata (sirusa.web.bps.go.id/metadata/variabel/104486);
//!   question 9's answers as the annex lists them ("Tidak ada", "Ada tetapi tidak berfungsi",
//!   "Berfungsi kurang maksimal", "Dikelola dengan baik").
//! - Kepmenpan KEP/25/M.PAN/2/2004, Lampiran, kuesioner (14 questions, answers a-d = 1-4).
//!
//! `alias` lists wordings that survey tools and offices commonly use for the same answer ("Ada
//! tapi tidak berfungsi", "Sopan & ramah" is handled by the reader's normalisation).

use super::Regime;

/// One standard question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PertanyaanBaku {
    /// The question as the annex words it (without its number).
    pub teks: &'static str,
    /// The answers a-d, i.e. values 1-4.
    pub label: [&'static str; 4],
    /// Other wordings of an answer seen in use, with its value (1-4).
    pub alias: &'static [(&'static str, u8)],
    /// Short names a survey tool may give the question's column (a KoboToolbox question name
    /// such as `persyaratan` or `sarana_prasarana`), besides the regime's unsur name.
    pub nama_pendek: &'static [&'static str],
}

const fn p(
    teks: &'static str,
    label: [&'static str; 4],
    alias: &'static [(&'static str, u8)],
    nama_pendek: &'static [&'static str],
) -> PertanyaanBaku {
    PertanyaanBaku {
        teks,
        label,
        alias,
        nama_pendek,
    }
}

const SESUAI: [&str; 4] = ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"];

/// PermenPANRB 14/2017, in the order of [`Regime::permenpanrb_14_2017`]'s unsur.
const P2017: [PertanyaanBaku; 9] = [
    p(
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        SESUAI,
        &[],
        &["persyaratan", "syarat"],
    ),
    p(
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
        &[],
        &["prosedur", "sistem mekanisme prosedur"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
        &[],
        &["waktu penyelesaian", "kecepatan", "waktu pelayanan"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
        &[],
        &["biaya", "tarif", "biaya tarif"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
        SESUAI,
        &[],
        &["produk", "produk pelayanan", "produk layanan"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        [
            "Tidak kompeten",
            "Kurang kompeten",
            "Kompeten",
            "Sangat kompeten",
        ],
        &[],
        &["kompetensi", "kompetensi pelaksana", "kompetensi petugas"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        [
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ],
        &[],
        &["perilaku", "perilaku pelaksana", "perilaku petugas"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        ["Buruk", "Cukup", "Baik", "Sangat baik"],
        &[],
        &["sarana", "sarana prasarana"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        [
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ],
        &[("Ada tapi tidak berfungsi", 2)],
        &["pengaduan", "penanganan pengaduan"],
    ),
];

/// Kepmenpan 25/2004, in the order of [`Regime::kepmenpan_25_2004`]'s unsur.
const K2004: [PertanyaanBaku; 14] = [
    p(
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
        &[],
        &["prosedur"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang kesamaan persyaratan pelayanan dengan jenis pelayanannya?",
        SESUAI,
        &[],
        &["persyaratan"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang kejelasan dan kepastian petugas yang melayani?",
        ["Tidak jelas", "Kurang jelas", "Jelas", "Sangat jelas"],
        &[],
        &["kejelasan petugas"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang kedisiplinan petugas dalam memberikan pelayanan?",
        [
            "Tidak disiplin",
            "Kurang disiplin",
            "Disiplin",
            "Sangat disiplin",
        ],
        &[],
        &["kedisiplinan petugas", "kedisiplinan"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang tanggung jawab petugas dalam memberikan pelayanan?",
        [
            "Tidak bertanggung jawab",
            "Kurang bertanggung jawab",
            "Bertanggung jawab",
            "Sangat bertanggung jawab",
        ],
        &[],
        &["tanggung jawab petugas", "tanggung jawab"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang kemampuan petugas dalam memberikan pelayanan?",
        ["Tidak mampu", "Kurang mampu", "Mampu", "Sangat mampu"],
        &[],
        &["kemampuan petugas", "kemampuan"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang kecepatan pelayanan di unit ini?",
        ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
        &[],
        &["kecepatan", "kecepatan pelayanan"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang keadilan untuk mendapatkan pelayanan di unit ini?",
        ["Tidak adil", "Kurang adil", "Adil", "Sangat adil"],
        &[],
        &["keadilan", "keadilan pelayanan"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang kesopanan dan keramahan petugas dalam memberikan pelayanan?",
        [
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ],
        &[],
        &["kesopanan dan keramahan", "kesopanan keramahan"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang kewajaran biaya untuk mendapatkan pelayanan?",
        ["Tidak wajar", "Kurang wajar", "Wajar", "Sangat wajar"],
        &[],
        &["kewajaran biaya"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang kesesuaian antara biaya yang dibayarkan dengan biaya yang telah ditetapkan?",
        [
            "Selalu tidak sesuai",
            "Kadang-kadang sesuai",
            "Banyak sesuainya",
            "Selalu sesuai",
        ],
        &[],
        &["kepastian biaya"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang ketepatan pelaksanaan terhadap jadwal waktu pelayanan?",
        [
            "Selalu tidak tepat",
            "Kadang-kadang tepat",
            "Banyak tepatnya",
            "Selalu tepat",
        ],
        &[("Kadang-kadang tidak tepat", 2)],
        &["kepastian jadwal"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang kenyamanan di lingkungan unit pelayanan?",
        ["Tidak nyaman", "Kurang nyaman", "Nyaman", "Sangat nyaman"],
        &[],
        &["kenyamanan", "kenyamanan lingkungan"],
    ),
    p(
        "Bagaimana pendapat Saudara tentang keamanan pelayanan di unit ini?",
        ["Tidak aman", "Kurang aman", "Aman", "Sangat aman"],
        &[],
        &["keamanan", "keamanan pelayanan"],
    ),
];

/// The standard questionnaire of a regime, one question per unsur in the regime's order;
/// `None` for a regime without one.
pub fn pertanyaan_baku(regime: &Regime) -> Option<&'static [PertanyaanBaku]> {
    match regime.kode.as_str() {
        "2017" => Some(&P2017),
        "2004" => Some(&K2004),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_question_per_unsur_of_each_regime() {
        for r in Regime::semua() {
            let q = pertanyaan_baku(&r).expect("every regime has its questionnaire");
            assert_eq!(q.len(), r.jumlah_unsur(), "{}", r.nama);
            for p in q {
                assert!(p.teks.starts_with("Bagaimana"), "{}", p.teks);
                assert!(p.alias.iter().all(|(_, v)| (1..=4).contains(v)));
            }
        }
        // The annex's cost question runs from "Sangat mahal" (1) to "Gratis" (4); the complaints
        // question from "Tidak ada" (1) to "Dikelola dengan baik" (4).
        let q = pertanyaan_baku(&Regime::permenpanrb_14_2017()).unwrap();
        assert_eq!((q[3].label[0], q[3].label[3]), ("Sangat mahal", "Gratis"));
        assert_eq!(q[8].label[3], "Dikelola dengan baik");
        assert_eq!(q[7].label, ["Buruk", "Cukup", "Baik", "Sangat baik"]);
    }
}
