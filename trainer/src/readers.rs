//! Dataset files: CSV, IDX (the MNIST format) and safetensors.
//!
//! Each reader turns a file into `f32` features `[n × dim]` and class
//! indices; every error names the file and, where it can, the line, column
//! or tensor. Conversions are plain IEEE arithmetic (`u8 → f32` then
//! `× 1/255`), so every machine reads the same bits.

use std::path::Path;

/// Features and labels as read.
pub struct Table {
    /// `[n × dim]`, row-major.
    pub features: Vec<f32>,
    /// Class indices.
    pub labels: Vec<u32>,
    /// Columns of `features`.
    pub dim: usize,
}

/// Why a dataset file could not be used.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{path}: {reason}")]
pub struct ReadError {
    /// The file.
    pub path: String,
    /// What is wrong, with the line, column or tensor.
    pub reason: String,
}

fn err(path: &Path, reason: impl Into<String>) -> ReadError {
    ReadError { path: path.display().to_string(), reason: reason.into() }
}

fn read(path: &Path) -> Result<Vec<u8>, ReadError> {
    std::fs::read(path).map_err(|e| err(path, e.to_string()))
}

/// A class index written as a number: a non-negative integer.
fn label(v: f64) -> Option<u32> {
    (v >= 0.0 && v.fract() == 0.0 && v <= u32::MAX as f64).then_some(v as u32)
}

/// A CSV file of numbers; `label_column` (default: the last) holds the class.
pub fn csv(path: &Path, header: bool, label_column: Option<usize>) -> Result<Table, ReadError> {
    let text = String::from_utf8(read(path)?).map_err(|_| err(path, "not UTF-8 text"))?;
    let (mut features, mut labels, mut width) = (Vec::new(), Vec::new(), None::<usize>);
    for (i, line) in text.lines().enumerate().skip(header as usize) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        match width {
            None => width = Some(fields.len()),
            Some(w) if w != fields.len() => {
                return Err(err(path, format!("line {}: {} fields, the first row has {w}", i + 1, fields.len())))
            }
            _ => {}
        }
        if fields.len() < 2 {
            return Err(err(path, format!("line {}: needs at least one feature and a label", i + 1)));
        }
        let lc = label_column.unwrap_or(fields.len() - 1);
        if lc >= fields.len() {
            return Err(err(path, format!("label_column {lc} is past the {} columns", fields.len())));
        }
        for (j, f) in fields.iter().enumerate() {
            let v: f64 =
                f.parse().map_err(|_| err(path, format!("line {}, column {}: `{f}` is not a number", i + 1, j + 1)))?;
            if j == lc {
                labels.push(label(v).ok_or_else(|| {
                    err(path, format!("line {}, column {}: label `{f}` is not a class index", i + 1, j + 1))
                })?);
            } else {
                let x = f.parse::<f32>().expect("parsed as f64 above");
                if !x.is_finite() {
                    return Err(err(path, format!("line {}, column {}: `{f}` is not finite", i + 1, j + 1)));
                }
                features.push(x);
            }
        }
    }
    let dim = width.ok_or_else(|| err(path, "no rows"))? - 1;
    Ok(Table { features, labels, dim })
}

/// Parses an IDX header: element type code and dimensions.
fn idx_header(path: &Path, bytes: &[u8]) -> Result<(u8, Vec<usize>, usize), ReadError> {
    if bytes.len() < 4 || bytes[0] != 0 || bytes[1] != 0 {
        return Err(err(path, "not an IDX file (bad magic)"));
    }
    let (ty, rank) = (bytes[2], bytes[3] as usize);
    let body = 4 + 4 * rank;
    if rank == 0 || bytes.len() < body {
        return Err(err(path, "truncated IDX header"));
    }
    let dims: Vec<usize> = (0..rank)
        .map(|d| u32::from_be_bytes(bytes[4 + 4 * d..8 + 4 * d].try_into().expect("4 bytes")) as usize)
        .collect();
    Ok((ty, dims, body))
}

/// An IDX pair: images (`u8` scaled to [0, 1], or big-endian `f32`) and `u8` labels.
pub fn idx(images: &Path, labels_path: &Path) -> Result<Table, ReadError> {
    let (ib, lb) = (read(images)?, read(labels_path)?);
    let (ity, idims, ibody) = idx_header(images, &ib)?;
    let (lty, ldims, lbody) = idx_header(labels_path, &lb)?;
    let n = idims[0];
    let dim: usize = idims[1..].iter().product::<usize>().max(1);
    let size = match ity {
        0x08 => 1,
        0x0D => 4,
        t => return Err(err(images, format!("element type 0x{t:02x} is not u8 (0x08) or f32 (0x0D)"))),
    };
    if ib.len() != ibody + n * dim * size {
        return Err(err(images, format!("{} data bytes for dimensions {idims:?}", ib.len() - ibody)));
    }
    if lty != 0x08 || ldims.len() != 1 {
        return Err(err(labels_path, "labels must be a 1-D u8 IDX file"));
    }
    if ldims[0] != n || lb.len() != lbody + n {
        return Err(err(labels_path, format!("{} labels for {n} images", ldims[0])));
    }
    let data = &ib[ibody..];
    let features = match size {
        1 => data.iter().map(|b| *b as f32 * (1.0 / 255.0)).collect(),
        _ => data.chunks_exact(4).map(|c| f32::from_be_bytes(c.try_into().expect("4 bytes"))).collect(),
    };
    Ok(Table { features, labels: lb[lbody..].iter().map(|b| *b as u32).collect(), dim })
}

/// A safetensors file with a 2-D features tensor and a 1-D labels tensor.
pub fn safetensors(path: &Path, features: &str, labels: &str) -> Result<Table, ReadError> {
    use candle_core::DType;
    let tensors =
        candle_core::safetensors::load(path, &candle_core::Device::Cpu).map_err(|e| err(path, e.to_string()))?;
    let get = |name: &str| tensors.get(name).ok_or_else(|| err(path, format!("no tensor `{name}`")));
    let (f, l) = (get(features)?, get(labels)?);
    let [n, dim] = f.dims() else {
        return Err(err(path, format!("tensor `{features}` has shape {:?}, expected [n, dim]", f.dims())));
    };
    if l.dims() != [*n] {
        return Err(err(path, format!("tensor `{labels}` has shape {:?}, expected [{n}]", l.dims())));
    }
    let values: Vec<f32> = match f.dtype() {
        DType::F32 => f.flatten_all().and_then(|t| t.to_vec1::<f32>()),
        DType::U8 => f
            .flatten_all()
            .and_then(|t| t.to_vec1::<u8>())
            .map(|v| v.iter().map(|b| *b as f32 * (1.0 / 255.0)).collect()),
        d => return Err(err(path, format!("tensor `{features}` is {d:?}; expected f32 or u8"))),
    }
    .map_err(|e| err(path, e.to_string()))?;
    let classes: Vec<u32> = match l.dtype() {
        DType::U8 => l.to_vec1::<u8>().map(|v| v.iter().map(|x| *x as u32).collect()),
        DType::U32 => l.to_vec1::<u32>(),
        DType::I64 => l.to_vec1::<i64>().and_then(|v| {
            v.iter().map(|x| u32::try_from(*x).map_err(|_| candle_core::Error::Msg(format!("label {x}")))).collect()
        }),
        d => return Err(err(path, format!("tensor `{labels}` is {d:?}; expected u8, u32 or i64"))),
    }
    .map_err(|e| err(path, format!("tensor `{labels}`: {e}")))?;
    if values.iter().any(|v| !v.is_finite()) {
        return Err(err(path, format!("tensor `{features}` has non-finite values")));
    }
    Ok(Table { features: values, labels: classes, dim: *dim })
}

/// The files `spec`'s dataset is read from (none for a generated one), as
/// the spec names them (relative to its folder).
pub fn files_of(spec: &crate::spec::DatasetSpec) -> Vec<&str> {
    use crate::spec::DatasetSpec as D;
    match spec {
        D::Csv { path, .. } | D::Safetensors { path, .. } => vec![path.as_str()],
        D::Idx { images, labels } => vec![images.as_str(), labels.as_str()],
        _ => Vec::new(),
    }
}

/// Writes `table` as the files `spec`'s dataset names, in its format, so
/// that the matching reader gives back the same bits: a party that got a
/// task's examples from elsewhere (the artefact store) recreates the files
/// its spec reads. CSV values are written in Rust's shortest round-trip
/// form; IDX images as big-endian `f32`. `at(file)` resolves each name.
pub fn write(
    spec: &crate::spec::DatasetSpec,
    table: &Table,
    at: impl Fn(&str) -> std::path::PathBuf,
) -> Result<(), ReadError> {
    use crate::spec::DatasetSpec as D;
    let n = table.labels.len();
    let save = |path: &Path, bytes: &[u8]| -> Result<(), ReadError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| err(path, e.to_string()))?;
        }
        std::fs::write(path, bytes).map_err(|e| err(path, e.to_string()))
    };
    match spec {
        D::Csv { path, header, label_column } => {
            let lc = label_column.unwrap_or(table.dim);
            if lc > table.dim {
                return Err(err(&at(path), format!("label_column {lc} is past the {} columns", table.dim + 1)));
            }
            let mut text = String::new();
            if *header {
                let names: Vec<String> =
                    (0..=table.dim).map(|j| if j == lc { "label".into() } else { format!("x{j}") }).collect();
                text.push_str(&names.join(","));
                text.push('\n');
            }
            for i in 0..n {
                let mut row = table.features[i * table.dim..(i + 1) * table.dim].iter().map(|v| v.to_string());
                let fields: Vec<String> = (0..=table.dim)
                    .map(|j| if j == lc { table.labels[i].to_string() } else { row.next().expect("dim values") })
                    .collect();
                text.push_str(&fields.join(","));
                text.push('\n');
            }
            save(&at(path), text.as_bytes())
        }
        D::Idx { images, labels } => {
            if table.labels.iter().any(|l| *l > 255) {
                return Err(err(&at(labels), "IDX labels are u8; a class index is above 255"));
            }
            let mut ib = vec![0, 0, 0x0D, 2];
            ib.extend((n as u32).to_be_bytes());
            ib.extend((table.dim as u32).to_be_bytes());
            ib.extend(table.features.iter().flat_map(|v| v.to_be_bytes()));
            let mut lb = vec![0, 0, 0x08, 1];
            lb.extend((n as u32).to_be_bytes());
            lb.extend(table.labels.iter().map(|l| *l as u8));
            save(&at(images), &ib)?;
            save(&at(labels), &lb)
        }
        D::Safetensors { path, features, labels } => {
            let dev = candle_core::Device::Cpu;
            let to = |e: candle_core::Error| err(&at(path), e.to_string());
            let f = candle_core::Tensor::from_vec(table.features.clone(), (n, table.dim), &dev).map_err(to)?;
            let l = candle_core::Tensor::from_vec(table.labels.clone(), n, &dev).map_err(to)?;
            let target = at(path);
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir).map_err(|e| err(&target, e.to_string()))?;
            }
            let tensors = std::collections::HashMap::from([(features.clone(), f), (labels.clone(), l)]);
            candle_core::safetensors::save(&tensors, &target).map_err(to)
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod write_tests {
    use super::*;
    use crate::spec::DatasetSpec as D;

    #[test]
    fn every_file_format_reads_back_the_bits_it_was_written_with() {
        let dir = tempfile::tempdir().unwrap();
        // Values whose shortest decimal form is long, a subnormal, a negative zero.
        let features = vec![0.1f32, -1.0 / 3.0, 1e-40, -0.0, 123456.79, f32::MIN_POSITIVE, 2.5, -7.0e-12];
        let table = Table { features: features.clone(), labels: vec![3, 0, 1, 2], dim: 2 };
        let at = |f: &str| dir.path().join(f);
        let cases = [
            D::Csv { path: "a/t.csv".into(), header: true, label_column: Some(0) },
            D::Csv { path: "t2.csv".into(), header: false, label_column: None },
            D::Idx { images: "i.idx".into(), labels: "l.idx".into() },
            D::Safetensors { path: "t.safetensors".into(), features: "x".into(), labels: "y".into() },
        ];
        for spec in &cases {
            write(spec, &table, at).unwrap();
            let back = match spec {
                D::Csv { path, header, label_column } => csv(&at(path), *header, *label_column),
                D::Idx { images, labels } => idx(&at(images), &at(labels)),
                D::Safetensors { path, features, labels } => safetensors(&at(path), features, labels),
                _ => unreachable!(),
            }
            .unwrap();
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&back.features), bits(&features), "{spec:?}");
            assert_eq!((back.labels, back.dim), (table.labels.clone(), 2), "{spec:?}");
        }
    }
}
