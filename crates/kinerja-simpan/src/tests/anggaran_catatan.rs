//! Budget lines and their realisasi, the Renstra's indicative pagu, reviewers' notes, the
//! kabupaten budget query, and a copy in memory across processes.

use super::*;

#[tokio::test]
async fn budget_realisasi_is_entered_per_line() {
    let d = contoh();
    let pos = d.anggaran[1].clone();
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        let p = id("mumbulsari");
        t.impor(&d, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let baru =
            kinerja_core::uang::Rupiah::new(rust_decimal::Decimal::new(1_234_567, 2)).unwrap();
        let r = t
            .simpan_realisasi_anggaran(&p, vec![(pos.id.clone(), Some(baru))], &pelaku())
            .await
            .unwrap();
        assert_eq!((r.diubah, r.ditambah), (1, 0));
        let m = t.muat(&p).await.unwrap();
        assert_eq!(m.anggaran[1].realisasi, Some(baru), "{}", b.nama);
        let e = t
            .simpan_realisasi_anggaran(
                &p,
                vec![(kinerja_core::id::PosAnggaranId::new("X").unwrap(), None)],
                &pelaku(),
            )
            .await
            .unwrap_err();
        assert!(matches!(e, Galat::TidakAda(_)), "{e}");
        t.tutup().await;
        b.selesai().await;
    }
}

/// The example with one sub kegiatan line under APBD perubahan that reports two months.
fn contoh_sub_kegiatan() -> DataInstansi {
    use kinerja_core::id::{PosAnggaranId, SubKegiatanId};
    use kinerja_core::model::*;
    use kinerja_core::waktu::Bulan;
    let rp = |s: &str| kinerja_core::uang::Rupiah::new(s.parse().unwrap()).unwrap();
    let mut d = contoh();
    d.sub_kegiatan.push(SubKegiatan {
        id: SubKegiatanId::new("SK-1").unwrap(),
        kegiatan: d.kegiatan[0].id.clone(),
        kode: Some("7.01.02.2.01.0001".into()),
        nama: "Penyediaan Jasa Surat Menyurat".into(),
    });
    d.anggaran.push(PosAnggaran {
        id: PosAnggaranId::new("pos-SK-1").unwrap(),
        tahun: Tahun::new(2020).unwrap(),
        tempat: TempatAnggaran::SubKegiatan(SubKegiatanId::new("SK-1").unwrap()),
        jenis: JenisBelanja::LangsungBarangJasa,
        pagu: rp("10000000"),
        pagu_perubahan: Some(rp("12500000.50")),
        realisasi: None,
        realisasi_bulanan: [
            (Bulan::Januari, rp("1000000")),
            (Bulan::Maret, rp("2000000.25")),
        ]
        .into(),
        catatan: None,
    });
    d
}

#[tokio::test]
async fn sub_kegiatan_lines_with_pagu_perubahan_and_months_round_trip() {
    let d = contoh_sub_kegiatan();
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        let (p, _) = t
            .impor(&d, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        assert_eq!(t.muat(&p).await.unwrap(), d, "{}: file → db → file", b.nama);
        // The roll-up in SQL takes the pagu in force and the year's sum of months:
        // 1.674.830.966,58 + 12.500.000,50 = 1.687.330.967,08;
        // 1.244.150.891 + 1.000.000 + 2.000.000,25 = 1.247.150.891,25.
        let j = t
            .anggaran_wilayah(&id("jember"), Tahun::new(2020).unwrap())
            .await
            .unwrap();
        assert_eq!(j[0].pagu.nilai().to_string(), "1687330967.08", "{}", b.nama);
        assert_eq!(j[0].realisasi.unwrap().nilai().to_string(), "1247150891.25");
        let r = kinerja_core::anggaran::ringkas(&d, Tahun::new(2020).unwrap()).total;
        assert_eq!((j[0].pagu, j[0].realisasi), (r.pagu, r.realisasi));
        t.tutup().await;
        b.selesai().await;
    }
}

#[tokio::test]
async fn the_renstra_indicative_pagu_round_trips_and_is_audited() {
    use kinerja_core::model::PaguIndikatif;
    let rp = |s: &str| kinerja_core::uang::Rupiah::new(s.parse().unwrap()).unwrap();
    let mut d = contoh();
    d.program[0].pagu_indikatif = vec![
        PaguIndikatif {
            tahun: Tahun::new(2020).unwrap(),
            pagu: rp("210000000"),
        },
        PaguIndikatif {
            tahun: Tahun::new(2021).unwrap(),
            pagu: rp("231000000.50"),
        },
    ];
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        let (p, _) = t
            .impor(&d, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        assert_eq!(t.muat(&p).await.unwrap(), d, "{}: file → db → file", b.nama);
        // A changed year is one audited change of the program record, with the old value.
        let sebelum = jumlah_jejak(&t, p.as_str()).await;
        let mut d2 = d.clone();
        d2.program[0].pagu_indikatif[1].pagu = rp("240000000");
        t.impor(&d2, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        assert_eq!(
            jumlah_jejak(&t, p.as_str()).await,
            sebelum + 1,
            "{}",
            b.nama
        );
        assert_eq!(t.muat(&p).await.unwrap(), d2, "{}", b.nama);
        t.tutup().await;
        b.selesai().await;
    }
}

#[tokio::test]
async fn reviewers_notes_are_kept_with_author_and_audited() {
    let d = contoh();
    let th = Tahun::new(2020).unwrap();
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        let p = id("mumbulsari");
        t.impor(&d, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let insp = Pelaku {
            pengguna: "inspektorat".into(),
            sumber: "web".into(),
            hak: crate::Hak::Semua,
        };
        t.tambah_catatan_reviu(&p, th, "  Berita acara SKM belum dilampirkan.  ", &insp)
            .await
            .unwrap();
        t.tambah_catatan_reviu(&p, th, "Target PK berbeda dengan Renstra.", &insp)
            .await
            .unwrap();
        assert!(t.tambah_catatan_reviu(&p, th, "   ", &insp).await.is_err());
        let c = t.catatan_reviu(&p, th).await.unwrap();
        let isi: Vec<&str> = c.iter().map(|x| x.isi.as_str()).collect();
        assert_eq!(
            isi,
            [
                "Berita acara SKM belum dilampirkan.",
                "Target PK berbeda dengan Renstra."
            ],
            "{}",
            b.nama
        );
        assert!(c.iter().all(|x| x.pengguna == "inspektorat"));
        assert!(
            t.catatan_reviu(&p, Tahun::new(2021).unwrap())
                .await
                .unwrap()
                .is_empty()
        );
        let j = t.jejak(&p, Some("catatan_reviu"), None, 10).await.unwrap();
        assert_eq!(j.len(), 2);
        t.tutup().await;
        b.selesai().await;
    }
}

#[tokio::test]
async fn a_kabupaten_budget_is_one_query_and_agrees_with_the_core() {
    let kab = kinerja_sintetis::kabupaten(4);
    let th = Tahun::new(2021).unwrap();
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        t.impor(&contoh(), None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        for d in &kab {
            t.impor(d, None, ModeImpor::Gabung, &pelaku())
                .await
                .unwrap();
        }
        let w = t.anggaran_wilayah(&id("kab"), th).await.unwrap();
        assert_eq!(
            w.len(),
            4,
            "{}: Mumbulsari is under Jember, not here",
            b.nama
        );
        for (x, d) in w.iter().zip(&kab) {
            let r = kinerja_core::anggaran::ringkas(d, th).total;
            assert_eq!(
                (x.pagu, x.realisasi, x.belum_dilaporkan),
                (r.pagu, r.realisasi, r.belum_dilaporkan)
            );
        }
        // Jember 2020: only Mumbulsari reports; its pagu 1.674.830.966,58 and realisasi
        // 889.672.130 + 354.478.761 = 1.244.150.891 (Tabel 3.8 of the seed, recomputed).
        let j = t
            .anggaran_wilayah(&id("jember"), Tahun::new(2020).unwrap())
            .await
            .unwrap();
        assert_eq!(j.len(), 1);
        assert_eq!(j[0].pagu.nilai().to_string(), "1674830966.58", "{}", b.nama);
        assert_eq!(j[0].realisasi.unwrap().nilai().to_string(), "1244150891");
        t.tutup().await;
        b.selesai().await;
    }
}

#[tokio::test]
async fn a_copy_in_memory_is_never_stale_across_processes() {
    let d0 = kinerja_sintetis::instansi(0);
    let d1 = kinerja_sintetis::instansi(1);
    for b in semua_basis().await {
        // Two stores on one database: two server processes.
        let a = Toko::buka(&b.url).await.unwrap();
        let c = Toko::buka(&b.url).await.unwrap();
        a.impor(&d0, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        a.impor(&d1, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let p0 = id("opd-00");
        let m1 = a.muat_bersama(&p0).await.unwrap();
        let m2 = a.muat_bersama(&p0).await.unwrap();
        assert!(Arc::ptr_eq(&m1, &m2), "unchanged: served from memory");

        // The other process writes a realisasi of opd-00.
        let mut r = d0.realisasi[0].clone();
        r.nilai = Nilai::parse("12,34").unwrap();
        c.simpan_realisasi(&p0, vec![r.clone()], &pelaku())
            .await
            .unwrap();
        let m3 = a.muat_bersama(&p0).await.unwrap();
        assert!(
            m3.realisasi.contains(&r),
            "{}: the other process's write is seen",
            b.nama
        );

        // The kabupaten is shared by both data sets: renaming it through opd-01's import
        // changes what opd-00's data says too.
        let mut d1b = d1.clone();
        d1b.instansi
            .iter_mut()
            .find(|i| i.id.as_str() == "kab")
            .unwrap()
            .nama = "Kabupaten Baru".into();
        c.impor(&d1b, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let m4 = a.muat_bersama(&p0).await.unwrap();
        let kab = m4.instansi.iter().find(|i| i.id.as_str() == "kab").unwrap();
        assert_eq!(kab.nama, "Kabupaten Baru", "{}", b.nama);
        assert_eq!(*m4, a.muat(&p0).await.unwrap());
        a.tutup().await;
        c.tutup().await;
        b.selesai().await;
    }
}
