//! A whole SAKIP year in a real headless Chromium (the set-up as in `peramban.rs`), on the year
//! 2021 of the example, which has a Renstra and an RKT but no PK, realisasi, survey or report:
//! the operator adds a sasaran with an indicator and its target in the Renstra editor and puts
//! it into a new Perjanjian Kinerja; the pimpinan signs the PK on its page and the editor then
//! refuses changes; the operator enters the realisasi, sees the capaian on the dashboard, writes
//! the sasaran's analysis on the Laporan Kinerja page and downloads the PDF, which `pdftotext`
//! reads back with the new indicator and its capaian; an uploaded survey file, previewed and
//! attached, becomes the SKM indicator's realisasi on the dashboard; the operator of another
//! instansi is refused every page and every forged save of those steps, and the stored data
//! set is unchanged by them.
//!
//! `peramban.rs` already covers a pereviu accepting a finding (the open count drops on the
//! reviu page and the dashboard), the approval lock, and the Tw1 workflow; they are not repeated.
//!
//! The Panduan's screenshots are taken here (`panduan::tangkap`): see `bersama/panduan.rs`.

mod bersama;

use bersama::panduan::Panduan;
use bersama::*;
use fantoccini::{Client, Locator};
use kinerja_core::id::InstansiId;

const TAHUN: &str = "/instansi/mumbulsari/tahun/2021";
const SASARAN_BARU: &str = "Meningkatnya penanganan aduan masyarakat";
/// The sasaran's id: the first free "S-n" (the example has S-1 and S-2); its indicator's id is
/// "I-" + the sasaran's id + "-1".
const ID_SASARAN: &str = "S-3";
const ID_INDIKATOR: &str = "I-S-3-1";
const INDIKATOR_BARU: &str = "Aduan warga tuntas";
const ANALISIS: &str =
    "Aduan yang masuk lewat loket dan kanal daring ditangani dalam minggu yang sama";

// The figures, by hand.
// The new indicator: target 80 (%), positive polarity, realisasi 70:
//   capaian = 70 / 80 x 100 = 87,50 %; its sasaran has only this indicator: 87,50 %.
const TARGET_BARU: &str = "80";
const REALISASI_BARU: &str = "70";
const CAPAIAN_BARU: &str = "87,50 %";
// The survey (the CSV below): 4 respondents, 9 unsur of PermenPANRB 14/2017 (equal weights
// 1/9). U1..U8 answered Sangat Baik (4), Baik (3), Baik (3), Baik (3): NRR = 13/4 = 3,25;
// U9 answered Sangat Baik by all four: NRR = 4.
//   IKM = (8 x 3,25 + 4) / 9 = 30 / 9 = 3,3333...; NIK = IKM x 25 = 750 / 9 = 83,333... -> 83,33.
// Its indicator I-S1-1 is promised in the PK at 90:
//   capaian = (750 / 9) / 90 x 100 = 750 / 8,1 = 92,592... -> 92,59 %.
const SURVEI: &str = "\u{feff}Nama;U1;U2;U3;U4;U5;U6;U7;U8;U9
Ani;Sangat Baik;Sangat Baik;Sangat Baik;Sangat Baik;Sangat Baik;Sangat Baik;Sangat Baik;Sangat Baik;Sangat Baik
Budi;Baik;Baik;Baik;Baik;Baik;Baik;Baik;Baik;Sangat Baik
Citra;Baik;Baik;Baik;Baik;Baik;Baik;Baik;Baik;Sangat Baik
Dedi;Baik;Baik;Baik;Baik;Baik;Baik;Baik;Baik;Sangat Baik
";
const TARGET_SKM: &str = "90";
const NIK: &str = "83,33";
const CAPAIAN_SKM: &str = "92,59 %";
/// The SKM indicator I-S1-1 on the dashboard (the tujuan's own SKM indicator, I-T1-1, does not
/// name "Pelayanan Publik").
const URAIAN_SKM: &str = "Pelayanan Publik";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_sakip_year_in_a_real_browser() {
    let Some(driver) = Driver::mulai() else {
        return;
    };
    let basis = kinerja_simpan::uji::sqlite();
    let server = Server::mulai(&basis.url).await;
    let profil = Profil::baru();
    let c = driver.sesi(&profil.0).await;
    let u = Uji {
        c,
        dasar: format!("http://{}", server.alamat),
        panduan: Panduan::baru(),
    };
    u.rencana().await;
    u.pk_ditandatangani().await;
    u.realisasi_dan_laporan().await;
    u.survei().await;
    u.panduan_pereviu().await;
    let mum = InstansiId::new("mumbulsari").unwrap();
    let sebelum = server.toko.muat(&mum).await.unwrap();
    u.instansi_lain_ditolak().await;
    assert_eq!(
        server.toko.muat(&mum).await.unwrap(),
        sebelum,
        "the refused requests changed nothing"
    );
    u.panduan.selesai();
    u.c.close().await.expect("close the browser session");
    server.berhenti().await;
    drop(profil);
    basis.selesai().await;
}

struct Uji {
    c: Client,
    dasar: String,
    panduan: Panduan,
}

impl Peramban for Uji {
    fn klien(&self) -> &Client {
        &self.c
    }
    fn dasar(&self) -> &str {
        &self.dasar
    }
    fn nama(&self) -> &str {
        "sqlite"
    }
}

impl Uji {
    /// The operator adds a sasaran under tujuan 1, then its indicator with unit, polarity and
    /// the 2021 target, in the Renstra editor; then a PK for 2021 promising it.
    async fn rencana(&self) {
        self.masuk(OPERATOR).await;
        self.buka(&format!("{TAHUN}/rencana/ubah")).await;
        let baru = "sasaran-baru-T-1";
        self.buka_lipatan(baru).await;
        self.ketik(&format!("{baru}.uraian"), SASARAN_BARU).await;
        self.klik(&format!("form[id='{baru}'] button[value=simpan]"))
            .await;
        self.harap_sukses("perubahan disimpan").await;
        // Sasaran are numbered across the Renstra (1 under tujuan 1, 2 under tujuan 2): the new
        // one is 3; its id is the first free one.
        assert!(
            self.teks("main")
                .await
                .contains(&format!("Sasaran 3: {SASARAN_BARU}")),
            "the new sasaran, numbered after the Renstra's two"
        );

        let baru = format!("indikator-baru-sasaran.{ID_SASARAN}");
        self.buka_lipatan(&baru).await;
        self.ketik(&format!("{baru}.uraian"), INDIKATOR_BARU).await;
        self.ketik(&format!("{baru}.satuan"), "%").await;
        self.medan(&format!("{baru}.polaritas"))
            .await
            .select_by_value("positif")
            .await
            .unwrap();
        self.ketik(&format!("{baru}.target.2021"), TARGET_BARU)
            .await;
        self.panduan
            .tangkap(
                self,
                "renstra-indikator",
                &format!("details:has(> form[id='{baru}'])"),
            )
            .await;
        self.klik(&format!("form[id='{baru}'] button[value=simpan]"))
            .await;
        self.harap_sukses("perubahan disimpan").await;
        let target = self
            .medan(&format!("indikator-{ID_INDIKATOR}.target.2021"))
            .await
            .prop("value")
            .await
            .unwrap();
        assert_eq!(target.as_deref(), Some(TARGET_BARU));

        // No PK for 2021 yet: the editor offers a new one.
        self.buka(&format!("{TAHUN}/pk/ubah")).await;
        assert!(
            self.teks("form.sunting h2")
                .await
                .contains("Perjanjian Kinerja baru")
        );
        for (m, v) in [
            ("pk.pihak1.nama", "Drs. SOPONJONO, M.Si"),
            ("pk.pihak1.jabatan", "Camat Mumbulsari"),
            ("pk.pihak1.nip", "19630426 199303 1 004"),
            ("pk.pihak2.nama", "Ir. H. HENDY SISWANTO, ST., IPU"),
            ("pk.pihak2.jabatan", "Bupati Jember"),
            ("pk.tempat", "Jember"),
            ("pk.tanggal", "4 Januari 2021"),
            (&format!("pk.target.{ID_INDIKATOR}"), TARGET_BARU),
            ("pk.target.I-S1-1", TARGET_SKM),
        ] {
            self.ketik(m, v).await;
        }
        self.klik("form.sunting button[value=simpan]").await;
        self.harap_sukses("perubahan disimpan").await;
        self.buka(&format!("{TAHUN}/pk")).await;
        let pk = self.teks("main").await;
        assert!(pk.contains(INDIKATOR_BARU), "{pk}");
        assert!(pk.contains(SASARAN_BARU), "{pk}");
        assert_eq!(
            self.hitung("form[action$='/pk/tandatangani']").await,
            0,
            "the operator does not sign"
        );
        self.keluar_sesi().await;
    }

    /// The pimpinan signs the PK on its page; the operator's editor is then locked.
    async fn pk_ditandatangani(&self) {
        self.masuk(PIMPINAN).await;
        self.buka(&format!("{TAHUN}/pk")).await;
        self.panduan
            .tangkap(self, "pk-tanda-tangan", ".judul-halaman")
            .await;
        self.klik("form[action$='/pk/tandatangani'] button").await;
        self.harap_sukses("perubahan disimpan").await;
        assert!(
            self.teks("main")
                .await
                .contains("ditandatangani (terkunci)")
        );
        assert_eq!(self.hitung("form[action$='/pk/tandatangani']").await, 0);
        self.keluar_sesi().await;

        self.masuk(OPERATOR).await;
        self.buka(&format!("{TAHUN}/pk/ubah")).await;
        assert_eq!(self.teks("#h-kunci").await, "PK ini sudah ditandatangani");
        assert_eq!(
            self.hitung("[id='pk.target.I-S1-1']").await,
            0,
            "no target field"
        );
    }

    /// The operator (still logged in) enters the realisasi, sees the capaian, writes the
    /// analysis and reads the PDF back.
    async fn realisasi_dan_laporan(&self) {
        self.buka(&format!("{TAHUN}/realisasi")).await;
        self.ketik(&format!("r.{ID_INDIKATOR}.tahunan"), REALISASI_BARU)
            .await;
        // The new sasaran's rows, not the whole year's table.
        self.panduan
            .tangkap_sebagian(
                self,
                "realisasi",
                "form.form-isian",
                &format!(
                    "form.form-isian table.tabel-isian > tbody:not(:has([id='r.{ID_INDIKATOR}.tahunan'])), \
                     form.form-isian table[aria-labelledby=h-elemen], form.form-isian #h-elemen"
                ),
            )
            .await;
        self.klik("form.form-isian button[type=submit]").await;
        self.harap_sukses("1 perubahan disimpan").await;

        self.buka(TAHUN).await;
        assert_eq!(self.capaian_indikator(INDIKATOR_BARU).await, CAPAIAN_BARU);
        assert_eq!(self.capaian_sasaran(SASARAN_BARU).await, CAPAIAN_BARU);
        self.panduan
            .tangkap(self, "dasbor-sasaran", "section[aria-labelledby=h-sasaran]")
            .await;

        self.buka(&format!("{TAHUN}/laporan")).await;
        self.ketik(&format!("analisis.{ID_SASARAN}"), ANALISIS)
            .await;
        self.klik("form.form-naskah button[type=submit]").await;
        self.harap_sukses("perubahan disimpan").await;
        assert_eq!(
            self.medan(&format!("analisis.{ID_SASARAN}"))
                .await
                .prop("value")
                .await
                .unwrap()
                .as_deref(),
            Some(ANALISIS)
        );
        self.panduan
            .tangkap(self, "laporan-unduh", "section:has(.daftar-unduh)")
            .await;
        let href = self
            .tunggu(Locator::Css(".daftar-unduh a[href*='laporan.pdf']"))
            .await
            .attr("href")
            .await
            .unwrap()
            .expect("the PDF link");
        let (status, pdf) = self.unduh(&href).await;
        assert_eq!(status, 200, "{href}");
        assert!(pdf.starts_with(b"%PDF"));
        let teks = teks_pdf(&pdf);
        // The row of the measurement table: the indicator, its target, realisasi and capaian
        // on one line.
        assert!(
            teks.lines()
                .any(|b| b.contains(INDIKATOR_BARU)
                    && b.contains(CAPAIAN_BARU.trim_end_matches(" %"))),
            "the new indicator with its capaian in the PDF:\n{teks}"
        );
        let rapat = teks.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(rapat.contains(ANALISIS), "the analysis in the PDF:\n{teks}");
        assert!(rapat.contains(SASARAN_BARU), "{teks}");
    }

    /// The operator uploads a survey file for I-S1-1, sees the index before anything is saved,
    /// attaches it, and the dashboard shows it as the indicator's realisasi.
    async fn survei(&self) {
        self.unggah_survei().await;
        assert_eq!(
            self.teks("#h-pratinjau ~ .kartu-grid .kartu-nilai").await,
            NIK,
            "the index before anything is saved"
        );
        self.panduan
            .tangkap(
                self,
                "skm-pratinjau",
                "section[aria-labelledby=h-pratinjau]",
            )
            .await;
        self.buka(TAHUN).await;
        assert_ne!(
            self.realisasi_indikator(URAIAN_SKM).await,
            NIK,
            "nothing attached by the preview"
        );
        // The preview is kept per session: upload again and attach.
        self.unggah_survei().await;
        self.klik("form[action$='/skm/lampirkan'] button[type=submit]")
            .await;
        self.harap_sukses("perubahan disimpan").await;
        self.buka(TAHUN).await;
        assert!(
            self.realisasi_indikator(URAIAN_SKM).await.contains(NIK),
            "the survey is the realisasi"
        );
        assert_eq!(self.capaian_indikator(URAIAN_SKM).await, CAPAIAN_SKM);
        self.panduan
            .tangkap(
                self,
                "dasbor-indikator",
                "section[aria-labelledby=h-indikator]",
            )
            .await;
        self.keluar_sesi().await;
    }

    /// The SKM page of the year with the survey file chosen for I-S1-1 and sent: its preview.
    async fn unggah_survei(&self) {
        // A fixed name: the preview shows it (and the Panduan's image with it).
        let folder = std::env::temp_dir().join(format!("kinerja-e2e-skm-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let berkas = folder.join("survei-2021.csv");
        std::fs::write(&berkas, SURVEI).unwrap();
        self.buka(&format!("{TAHUN}/skm")).await;
        self.tunggu(Locator::Id("berkas"))
            .await
            .send_keys(berkas.to_str().unwrap())
            .await
            .unwrap();
        self.medan("indikator")
            .await
            .select_by_value("I-S1-1")
            .await
            .unwrap();
        self.klik("form[enctype='multipart/form-data'] button[type=submit]")
            .await;
        let _ = std::fs::remove_dir_all(&folder);
    }

    /// The pereviu's reviu page of the year, for the Panduan (accepting a finding is
    /// `peramban.rs`'s).
    async fn panduan_pereviu(&self) {
        self.masuk(PEREVIU).await;
        self.buka(&format!("{TAHUN}/reviu")).await;
        // The counts, the filter and the first rule's first findings.
        self.panduan
            .tangkap_sebagian(
                self,
                "reviu",
                "main",
                "main section[aria-labelledby^=h-aturan-]:not([aria-labelledby=h-aturan-1]), \
                 main section[aria-labelledby=h-aturan-1] tbody tr:nth-child(n+4), \
                 main section[aria-labelledby=h-catatan]",
            )
            .await;
        self.keluar_sesi().await;
    }

    /// Another instansi's operator: every page of the cycle's editing refused, and every save
    /// (a form forged with this operator's own CSRF token) answered 403.
    async fn instansi_lain_ditolak(&self) {
        self.masuk(OPERATOR_LAIN).await;
        for jalur in ["rencana/ubah", "pk/ubah", "iku/ubah", "reviu"] {
            self.buka(&format!("{TAHUN}/{jalur}")).await;
            self.harap_galat(403, "peran Anda tidak mengizinkan").await;
        }
        let sasaran = [
            ("jenis", "sasaran"),
            ("id", ID_SASARAN),
            ("induk", ""),
            ("aksi", "simpan"),
        ];
        let uraian = format!("sasaran-{ID_SASARAN}.uraian");
        let realisasi = format!("r.{ID_INDIKATOR}.tahunan");
        let analisis = format!("analisis.{ID_SASARAN}");
        // (page, fields, sent as multipart)
        type Kiriman<'a> = (&'a str, Vec<(&'a str, &'a str)>, bool);
        let kiriman: Vec<Kiriman> = vec![
            (
                "rencana/ubah",
                [&sasaran[..], &[(uraian.as_str(), "diubah orang lain")]].concat(),
                false,
            ),
            (
                "rencana/ubah",
                vec![
                    ("jenis", "sasaran"),
                    ("id", ID_SASARAN),
                    ("induk", ""),
                    ("aksi", "hapus"),
                ],
                false,
            ),
            ("pk/ubah", vec![("aksi", "perubahan")], false),
            ("pk/tandatangani", vec![], false),
            ("iku/ubah", vec![("aksi", "simpan")], false),
            ("realisasi", vec![(realisasi.as_str(), "1")], false),
            ("realisasi/hapus", vec![(realisasi.as_str(), "1")], false),
            ("ajukan/tahunan", vec![], false),
            (
                "laporan",
                vec![(analisis.as_str(), "diubah orang lain")],
                false,
            ),
            ("skm", vec![("indikator", "I-S1-1")], true),
            ("skm/lampirkan", vec![("token", "x")], false),
            (
                "reviu/terima",
                vec![("aturan", "x"), ("kunci", "x"), ("alasan", "x")],
                false,
            ),
        ];
        for (jalur, isian, multipart) in kiriman {
            // A page of this operator's own session: its CSRF token (the logout form's) forges
            // the request, so the refusal is the role's, not the token's.
            self.buka("/").await;
            self.kirim_palsu(&format!("{TAHUN}/{jalur}"), &isian, multipart)
                .await;
            self.harap_galat(403, "peran Anda tidak mengizinkan").await;
        }
        self.keluar_sesi().await;
    }
}
