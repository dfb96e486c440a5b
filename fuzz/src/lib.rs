//! What the fuzz targets share: reading options from a byte, and the bundled example.

use kinerja_core::model::DataInstansi;
use kinerja_core::skm::{Bobot, Opsi, PembulatanSampel, Regime};
use kinerja_skm::OpsiBaca;

/// Reading options from the bits of one byte: regime asked for (none, 2017, 2004), skip bad rows.
pub fn opsi_baca(b: u8) -> OpsiBaca {
    OpsiBaca {
        regime: match b % 3 {
            0 => None,
            1 => Regime::dari_kode("2017"),
            _ => Regime::dari_kode("2004"),
        },
        lewati_baris_buruk: b & 0x04 != 0,
        // The readers recognise the standard wording and labels without an instansi's map.
        peta: None,
    }
}

/// Computation options from the bits of one byte: weights, sample rounding, a population.
pub fn opsi_hitung(b: u8) -> Opsi {
    Opsi {
        bobot: if b & 0x08 != 0 {
            Bobot::Cetak
        } else {
            Bobot::Tepat
        },
        pembulatan_sampel: if b & 0x10 != 0 {
            PembulatanSampel::Atas
        } else {
            PembulatanSampel::Terdekat
        },
        populasi: (b & 0x20 != 0).then_some(u64::from(b) * 37),
        ..Opsi::default()
    }
}

/// The bundled example (`contoh/mumbulsari`), read once per process.
pub fn contoh() -> &'static DataInstansi {
    static CONTOH: std::sync::OnceLock<DataInstansi> = std::sync::OnceLock::new();
    CONTOH.get_or_init(|| {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../contoh/mumbulsari");
        kinerja_berkas::baca(std::path::Path::new(folder))
            .unwrap_or_else(|e| panic!("the example must load: {e}"))
    })
}

/// A file of this process's own under /dev/shm (or the temp folder), for readers that take a
/// path; the name carries the process id so parallel fuzzing jobs do not share it.
pub fn berkas_sementara(ekstensi: &str) -> std::path::PathBuf {
    let folder = std::path::Path::new("/dev/shm");
    let folder = if folder.is_dir() {
        folder.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    folder.join(format!("kinerja-fuzz-{}.{ekstensi}", std::process::id()))
}

/// Reads respondents from a spreadsheet file and, when they are accepted, computes the SKM.
pub fn baca_xlsx(path: &std::path::Path, b: u8) {
    match kinerja_skm::responden::baca_responden_xlsx(path, &opsi_baca(b)) {
        Ok(r) => {
            let _ = kinerja_skm::Masukan::Responden(r).hitung(&opsi_hitung(b));
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

/// For the spreadsheet targets: kinerja-skm catches a panic inside calamine and refuses the
/// file, but libFuzzer's panic hook aborts before that catch is reached. This hook lets panics
/// located in calamine's own source unwind to kinerja-skm's catch, and aborts on every other.
pub fn biarkan_panik_calamine() {
    let batalkan = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info
            .location()
            .is_some_and(|l| l.file().contains("/calamine-"))
        {
            return;
        }
        batalkan(info);
    }));
}

/// A header cell of the spreadsheet targets: an unsur code `U0`..`U15`, a profile column the
/// readers know (or a form tool's label for an unsur), any text, or none.
#[derive(arbitrary::Arbitrary, Debug)]
pub enum Kepala {
    Unsur(u8),
    Profil(u8),
    Teks(String),
    Kosong,
}

impl Kepala {
    const PROFIL: [&str; 8] = [
        "Jenis Layanan",
        "Jenis Kelamin",
        "Umur",
        "Pendidikan",
        "Pekerjaan",
        "Tanggal",
        "group/U3_kecepatan",
        "Penilaian [U2. Prosedur]",
    ];

    /// The cell's text; `None` leaves the cell out.
    pub fn teks(&self) -> Option<String> {
        match self {
            Kepala::Unsur(n) => Some(format!("U{}", n % 16)),
            Kepala::Profil(n) => {
                Some(Self::PROFIL[usize::from(*n) % Self::PROFIL.len()].to_string())
            }
            Kepala::Teks(t) => Some(t.clone()),
            Kepala::Kosong => None,
        }
    }
}
