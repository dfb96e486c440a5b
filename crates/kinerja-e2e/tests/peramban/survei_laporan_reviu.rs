//! Scenarios 0 and the last ones: the public survey, the Laporan Kinerja page and its PDF,
//! the pereviu's acceptance.

use super::*;

impl Uji {
    /// Scenario 0: a member of the public answers the hosted survey on its layanan address
    /// (clicking the labels, as on a phone), sees the thank-you page, and a second send of the
    /// same form (its token replayed) is refused with the reason and not counted.
    pub(super) async fn survei_publik(&self) {
        self.buka("/survei/mumbulsari/ktp").await;
        assert_eq!(self.teks("h1").await, "Survei Kepuasan Masyarakat");
        // The context line is set in capitals by the stylesheet; WebDriver reads the rendered text.
        assert!(
            self.teks(".judul-konteks")
                .await
                .to_lowercase()
                .contains("layanan: ktp")
        );
        assert_eq!(self.hitung("form.form-survei fieldset").await, 4 + 9);
        for id in ["jenis_kelamin-2", "usia-3", "pendidikan-5", "pekerjaan-5"] {
            self.klik_label(id).await;
        }
        for u in 1..=9 {
            self.klik_label(&format!("u{u}-{}", if u == 4 { 4 } else { 3 }))
                .await;
        }
        self.tangkap("survei").await;
        let token = self
            .tunggu(Locator::Css("input[name=token]"))
            .await
            .attr("value")
            .await
            .unwrap()
            .expect("the form's token");
        self.klik("form.form-survei button[type=submit]").await;
        assert_eq!(self.teks("h1").await, "Terima kasih", "{}", self.basis);
        assert!(
            self.teks("#hasil-survei")
                .await
                .contains("sudah kami terima")
        );
        self.tangkap("survei-terima").await;
        // The same form sent again, token and all (what a reload or a second click sends).
        self.pindah(async {
            self.c
                .execute(
                    "const f = document.createElement('form');
                     f.method = 'post'; f.action = '/survei/mumbulsari/ktp';
                     const isi = {token: arguments[0], jenis_kelamin: 'Perempuan', usia: '30-39',
                                  pendidikan: 'S1', pekerjaan: 'Wirausaha'};
                     for (let i = 1; i <= 9; i++) isi['u' + i] = i == 4 ? '4' : '3';
                     for (const [k, v] of Object.entries(isi)) {
                       const c = document.createElement('input');
                       c.type = 'hidden'; c.name = k; c.value = v; f.appendChild(c);
                     }
                     document.body.appendChild(f); f.submit();",
                    vec![json!(token)],
                )
                .await
                .unwrap();
        })
        .await;
        assert_eq!(
            self.teks("h1").await,
            "Formulir ini sudah terkirim",
            "{}",
            self.basis
        );
        assert!(
            self.teks("#hasil-survei")
                .await
                .contains("tidak dihitung lagi")
        );
    }

    async fn klik_label(&self, id: &str) {
        let l = self
            .tunggu(Locator::Css(&format!("label[for='{id}']")))
            .await;
        l.click()
            .await
            .unwrap_or_else(|e| panic!("{}: click {id}: {e}", self.basis));
        let r = self.c.find(Locator::Id(id)).await.unwrap();
        assert_eq!(
            r.prop("checked").await.unwrap().as_deref(),
            Some("true"),
            "{}: {id} chosen",
            self.basis
        );
    }

    // ----- helpers -----

    /// The report: the operator (still logged in from scenario 4) writes the analysis of sasaran 2 on the Laporan Kinerja page,
    /// downloads the draft PDF through the page's link (the example's reviu has open galat, so
    /// the final report is refused), and the PDF read back with `pdftotext` has the new text,
    /// the capaian computed from the realisasi entered in scenario 2, and the DRAF mark.
    pub(super) async fn laporan_pdf(&self) {
        self.buka("/instansi/mumbulsari/tahun/2020/laporan").await;
        assert_eq!(self.teks("h1").await, "Laporan Kinerja tahun 2020");
        assert!(
            self.c
                .title()
                .await
                .unwrap()
                .starts_with("Laporan Kinerja 2020"),
            "{}: the page's own title",
            self.basis
        );
        let analisis = self.medan("analisis.S-2").await;
        analisis.clear().await.unwrap();
        analisis.send_keys(ANALISIS_BARU).await.unwrap();
        self.klik("form.form-naskah button[type=submit]").await;
        self.harap_sukses("1 perubahan disimpan").await;
        self.tangkap("laporan").await;
        let tautan = self
            .c
            .find(Locator::Css(".daftar-unduh a[href*='laporan.pdf']"))
            .await
            .expect("the PDF download link");
        let href = tautan.attr("href").await.unwrap().unwrap();
        assert!(href.ends_with("?draf=1"), "{}: {href}", self.basis);
        let (status, pdf) = self.unduh(&href).await;
        assert_eq!(status, 200, "{}", self.basis);
        assert!(pdf.starts_with(b"%PDF"), "{}", self.basis);
        let teks = teks_pdf(&pdf);
        assert!(
            teks.contains(ANALISIS_BARU),
            "{}: the analysis in the PDF",
            self.basis
        );
        assert!(
            teks.contains(URAIAN_I_S2_2),
            "{}: the indicator in the PDF",
            self.basis
        );
        assert!(
            teks.contains(CAPAIAN_BARU.trim_end_matches(" %")),
            "{}: the new capaian {CAPAIAN_BARU} in the PDF",
            self.basis
        );
        assert!(teks.contains("DRAF"), "{}: the draft mark", self.basis);
        // The final report is refused with the reason, in the page's frame.
        self.buka("/instansi/mumbulsari/tahun/2020/laporan.pdf")
            .await;
        self.harap_galat(409, "galat terbuka").await;
        self.buka("/").await;
    }

    /// The reviu: the pereviu accepts the first open galat with a reason; it leaves the open
    /// count of the reviu page and of the operator's dashboard.
    pub(super) async fn reviu_diterima(&self) {
        self.tangkap_halaman("/instansi/mumbulsari/impor", "impor")
            .await;
        self.tangkap_halaman("/instansi/mumbulsari/tahun/2020/skm", "skm")
            .await;
        let galat_dasbor = || async {
            self.buka("/instansi/mumbulsari/tahun/2020").await;
            let t = self.teks("#h-reviu + .pesan-galat strong").await;
            t.split_whitespace()
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        };
        let sebelum = galat_dasbor().await;
        self.keluar_sesi().await;
        self.masuk(PEREVIU).await;
        self.buka("/instansi/mumbulsari/tahun/2020/reviu?tingkat=galat&status=terbuka")
            .await;
        self.tangkap("reviu").await;
        let terbuka = |t: String| t.trim().parse::<usize>().unwrap();
        assert_eq!(terbuka(self.teks(".kartu .kartu-nilai").await), sebelum);
        let alasan = self.tunggu(Locator::Css("form.form-terima textarea")).await;
        alasan
            .send_keys("Selisih pembulatan pada dokumen asli")
            .await
            .unwrap();
        self.klik("form.form-terima button[type=submit]").await;
        self.harap_sukses("temuan diterima").await;
        assert_eq!(
            terbuka(self.teks(".kartu .kartu-nilai").await),
            sebelum - 1,
            "{}: the accepted finding left the open count",
            self.basis
        );
        self.keluar_sesi().await;
        self.masuk(OPERATOR).await;
        assert_eq!(galat_dasbor().await, sebelum - 1, "{}", self.basis);
    }
}
