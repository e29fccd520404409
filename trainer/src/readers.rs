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
