//! JSON Schema for the types whose serde form is text (ids, values, dates, money), so that the
//! published schema of the data file says what the text must look like.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::borrow::Cow;

/// `impl JsonSchema` for a type whose serde form is text, with the schema `$skema` builds.
macro_rules! skema {
    ($ty:ty, $name:literal, $skema:expr) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                $skema
            }
        }
    };
}

/// A number as the data file writes it: Indonesian text, or an integer within the bound.
fn angka_teks(deskripsi: &str) -> Schema {
    // `BATAS_ANGKA` is a whole number (scale 0): its mantissa is its value.
    let batas = crate::angka::BATAS_ANGKA.mantissa();
    json_schema!({
        "description": deskripsi,
        "anyOf": [
            { "type": "string", "pattern": "^-?(Rp\\.? ?)?[0-9.]+(,[0-9]+)?( ?%)?$" },
            {
                "type": "integer",
                "minimum": -batas,
                "maximum": batas
            }
        ]
    })
}

skema!(
    crate::nilai::Nilai,
    "Nilai",
    json_schema!({ "type": "string", "description": "Nilai target atau realisasi seperti tertulis: \"85\", \"100 %\", \"B (80 %)\", \"85 (B)\", \"80 - 90\", \"12 bulan\", \"WTP\". Angka bercara Indonesia (koma desimal), paling besar 1.000.000.000.000.000, paling banyak 6 desimal." })
);
skema!(
    crate::waktu::Tanggal,
    "Tanggal",
    json_schema!({ "type": "string", "description": "Tanggal dokumen: \"Januari 2021\", \"15 Januari 2021\" atau \"2021-01-15\"." })
);
skema!(
    crate::model::Nip,
    "Nip",
    json_schema!({ "type": "string", "description": "NIP 18 angka, boleh dengan spasi: \"19671229 199303 1 008\".", "pattern": "^[0-9 ]+$" })
);
skema!(
    crate::uang::Rupiah,
    "Rupiah",
    angka_teks(
        "Jumlah rupiah, paling banyak dua desimal, paling besar 1.000.000.000.000.000: \"1.674.830.966,58\", \"Rp 400.000.000,00\" atau bilangan bulat."
    )
);
skema!(
    crate::serde_angka::Angka,
    "Angka",
    angka_teks(
        "Angka bercara Indonesia: titik pemisah ribuan, koma desimal (\"70,89\"); paling besar 1.000.000.000.000.000, paling banyak 6 desimal."
    )
);
skema!(
    crate::waktu::Tahun,
    "Tahun",
    json_schema!({
        "type": "integer",
        "minimum": crate::waktu::TAHUN_MIN,
        "maximum": crate::waktu::TAHUN_MAKS
    })
);
