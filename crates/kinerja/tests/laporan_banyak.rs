//! `kinerja laporan --db --kabupaten jember --tahun 2020 -o FOLDER` on the example pemda in a
//! database: one file per reporting instansi below Jember with data for 2020, each through the
//! reviu gate of a single report; the refused ones named with their reason, exit status 1;
//! nothing on standard error when it is not a terminal (no bar).

#[allow(dead_code)]
mod bersama;

use bersama::{contoh, jalan, kinerja};

#[test]
fn a_batch_of_reports_one_file_each_the_refused_named() {
    for b in jalan(kinerja_simpan::uji::semua_basis()) {
        let db = b.url.as_str();
        // Jember, its two OPDs and Mumbulsari below it; only Mumbulsari has a [[laporan]].
        for d in [
            "pemda-jember/kabupaten",
            "mumbulsari",
            "pemda-jember/dinkes",
            "pemda-jember/dispendukcapil",
        ] {
            let o = kinerja(&["impor", &contoh(d), "--db", db]);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
        let dir = std::env::temp_dir().join(format!(
            "kinerja-laporan-banyak-{}-{}",
            std::process::id(),
            b.nama
        ));
        let _ = std::fs::remove_dir_all(&dir);
        let folder = dir.to_str().unwrap();
        let args = [
            "laporan",
            "--db",
            db,
            "--kabupaten",
            "jember",
            "--tahun",
            "2020",
            "--format",
            "html",
            "-o",
            folder,
        ];

        // Without --paksa: Mumbulsari's 2020 has open reviu errors (its README's report needs
        // --paksa), so the gate refuses it as it refuses `kinerja laporan contoh/mumbulsari`;
        // the OPDs have no Laporan Kinerja 2020. Nothing is written; exit status 1.
        let o = kinerja(&args);
        let s = String::from_utf8_lossy(&o.stdout);
        assert_eq!(o.status.code(), Some(1), "{}: {s}", b.nama);
        assert!(s.contains("0 laporan tahun 2020 ditulis"), "{s}");
        assert!(s.contains("3 ditolak dan tidak ditulis"), "{s}");
        assert!(s.contains("- mumbulsari: reviu menemukan"), "{s}");
        assert!(
            s.contains("- dinkes: data tidak memuat Laporan Kinerja tahun 2020"),
            "{s}"
        );
        assert!(s.contains("- dispendukcapil: data tidak memuat"), "{s}");
        assert!(
            !s.contains("jember:"),
            "the kabupaten is not below itself: {s}"
        );
        assert!(!dir.join("mumbulsari.html").exists());
        assert!(o.stderr.is_empty(), "no bar when piped: {:?}", o.stderr);

        // With --paksa: Mumbulsari's draft is written (as `kinerja laporan --paksa` writes it),
        // the two OPDs are still refused and named; exit status 1.
        let mut paksa = args.to_vec();
        paksa.push("--paksa");
        let o = kinerja(&paksa);
        let s = String::from_utf8_lossy(&o.stdout);
        assert_eq!(o.status.code(), Some(1), "{}: {s}", b.nama);
        assert!(s.contains("1 laporan tahun 2020 ditulis"), "{s}");
        assert!(s.contains("2 ditolak dan tidak ditulis"), "{s}");
        assert!(!s.contains("- mumbulsari:"), "{s}");
        let html = std::fs::read_to_string(dir.join("mumbulsari.html")).unwrap();
        assert!(html.contains("KECAMATAN MUMBULSARI"), "{html}");
        // Byte for byte the single report from the same database.
        let satu = dir.join("satu.html");
        let o = kinerja(&[
            "laporan",
            "--db",
            db,
            "--instansi",
            "mumbulsari",
            "--tahun",
            "2020",
            "--format",
            "html",
            "-o",
            satu.to_str().unwrap(),
            "--paksa",
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(std::fs::read(&satu).unwrap(), html.as_bytes());
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            2,
            "only Mumbulsari's file and the single report"
        );
        assert!(o.stderr.is_empty());

        // Arguments: without --tahun, and an unknown kabupaten: exit status 2, nothing written.
        let o = kinerja(
            &args[..5]
                .iter()
                .chain(&args[7..])
                .copied()
                .collect::<Vec<_>>(),
        );
        assert_eq!(
            o.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let mut lain = args.to_vec();
        lain[4] = "tidak-ada";
        let o = kinerja(&lain);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("\"tidak-ada\" tidak ada"),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let _ = std::fs::remove_dir_all(&dir);
        jalan(b.selesai());
    }
}
