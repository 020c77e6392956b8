//! The lab DNS responder: UDP and TCP on one port, answers from the table.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hickory_proto::op::{Edns, Message, MessageType, OpCode, ResponseCode};
use hickory_proto::rr::rdata::{A, AAAA};
use hickory_proto::rr::{RData, Record, RecordType};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream, UdpSocket};

use super::{DnsAnswer, Shared};

const TTL: u32 = 5;
const TCP_IDLE: Duration = Duration::from_secs(30);

#[derive(Default)]
pub struct Table {
    map: Mutex<HashMap<String, DnsAnswer>>,
}

pub fn normalize(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

impl Table {
    pub fn set(&self, name: &str, answer: DnsAnswer) {
        self.map.lock().unwrap().insert(normalize(name), answer);
    }

    pub fn get(&self, name: &str) -> Option<DnsAnswer> {
        self.map.lock().unwrap().get(&normalize(name)).cloned()
    }

    /// Addresses for a name as the proxy sees them (A first, then AAAA).
    pub fn resolve(&self, name: &str) -> Result<Vec<IpAddr>, String> {
        match self.get(name) {
            None | Some(DnsAnswer::NxDomain) => Err(format!("{name}: NXDOMAIN")),
            Some(DnsAnswer::ServFail) => Err(format!("{name}: SERVFAIL")),
            Some(DnsAnswer::Refused) => Err(format!("{name}: REFUSED")),
            Some(DnsAnswer::Drop) => Err(format!("{name}: no answer")),
            Some(DnsAnswer::Empty) => Err(format!("{name}: no addresses")),
            Some(DnsAnswer::Garbled(_) | DnsAnswer::Flood(_)) => Err(format!("{name}: garbled")),
            Some(DnsAnswer::A(v4) | DnsAnswer::TruncatedUdp(v4)) => {
                Ok(v4.into_iter().map(IpAddr::V4).collect())
            }
            Some(DnsAnswer::Aaaa(v6)) => Ok(v6.into_iter().map(IpAddr::V6).collect()),
            Some(DnsAnswer::Both(v4, v6)) => Ok(v4
                .into_iter()
                .map(IpAddr::V4)
                .chain(v6.into_iter().map(IpAddr::V6))
                .collect()),
        }
    }
}

/// The wire answer to one query, or `None` to stay silent (Drop, or not a parsable query).
pub fn answer(shared: &Shared, query: &[u8]) -> Option<Vec<u8>> {
    answer_over(shared, query, false)
}

/// [`answer`], for a query that came over TCP when `tcp`.
pub fn answer_over(shared: &Shared, query: &[u8], tcp: bool) -> Option<Vec<u8>> {
    let req = Message::from_vec(query).ok()?;
    if req.metadata.message_type != MessageType::Query {
        return None;
    }
    let mut resp = Message::response(req.metadata.id, req.metadata.op_code);
    resp.metadata.authoritative = true;
    resp.metadata.recursion_desired = req.metadata.recursion_desired;
    resp.metadata.recursion_available = true;
    if req.edns.is_some() {
        let mut edns = Edns::new();
        edns.set_max_payload(1232);
        resp.edns = Some(edns);
    }
    let Some(q) = req.queries.first() else {
        resp.metadata.response_code = ResponseCode::FormErr;
        return resp.to_vec().ok();
    };
    resp.add_query(q.clone());
    if req.metadata.op_code != OpCode::Query {
        resp.metadata.response_code = ResponseCode::NotImp;
        return resp.to_vec().ok();
    }
    let name = q.name().to_ascii();
    let qtype = q.query_type();
    shared.record(format!("dns {} {qtype}", normalize(&name)));
    let mut v4s = Vec::new();
    let mut v6s = Vec::new();
    let mut cut = 0;
    match shared.dns.get(&name) {
        Some(DnsAnswer::Garbled(v4)) => {
            v4s = v4;
            cut = 3;
        }
        Some(DnsAnswer::Flood(n)) => {
            v4s = (0..n)
                .map(|i| std::net::Ipv4Addr::new(127, 0, (i / 250) as u8, (i % 250 + 2) as u8))
                .collect()
        }
        Some(DnsAnswer::TruncatedUdp(v4)) if tcp => v4s = v4,
        Some(DnsAnswer::TruncatedUdp(_)) => resp.metadata.truncation = true,
        None | Some(DnsAnswer::NxDomain) => resp.metadata.response_code = ResponseCode::NXDomain,
        Some(DnsAnswer::ServFail) => resp.metadata.response_code = ResponseCode::ServFail,
        Some(DnsAnswer::Refused) => resp.metadata.response_code = ResponseCode::Refused,
        Some(DnsAnswer::Drop) => return None,
        Some(DnsAnswer::Empty) => {}
        Some(DnsAnswer::A(v4)) => v4s = v4,
        Some(DnsAnswer::Aaaa(v6)) => v6s = v6,
        Some(DnsAnswer::Both(v4, v6)) => (v4s, v6s) = (v4, v6),
    }
    match qtype {
        RecordType::A => {
            for ip in v4s {
                resp.add_answer(Record::from_rdata(q.name().clone(), TTL, RData::A(A(ip))));
            }
        }
        RecordType::AAAA => {
            for ip in v6s {
                resp.add_answer(Record::from_rdata(
                    q.name().clone(),
                    TTL,
                    RData::AAAA(AAAA(ip)),
                ));
            }
        }
        _ => {}
    }
    let mut wire = resp.to_vec().ok()?;
    if qtype == RecordType::A {
        wire.truncate(wire.len().saturating_sub(cut));
    }
    Some(wire)
}

pub async fn serve_udp(sock: UdpSocket, shared: Arc<Shared>) {
    let mut buf = vec![0u8; 4096];
    loop {
        let Ok((n, peer)) = sock.recv_from(&mut buf).await else {
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        if let Some(out) = answer(&shared, &buf[..n]) {
            let _ = sock.send_to(&out, peer).await;
        }
    }
}

pub async fn serve_tcp(listener: TcpListener, shared: Arc<Shared>) {
    let sem = Arc::new(tokio::sync::Semaphore::new(64));
    loop {
        let Ok(permit) = sem.clone().acquire_owned().await else {
            return;
        };
        let Ok((tcp, _)) = listener.accept().await else {
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let shared = shared.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let _ = tokio::time::timeout(super::HOSTILE_LIMIT, tcp_conn(tcp, &shared)).await;
        });
    }
}

async fn tcp_conn(mut tcp: TcpStream, shared: &Shared) {
    let mut buf = vec![0u8; 65535];
    loop {
        let mut len = [0u8; 2];
        match tokio::time::timeout(TCP_IDLE, tcp.read_exact(&mut len)).await {
            Ok(Ok(_)) => {}
            _ => return,
        }
        let n = u16::from_be_bytes(len) as usize;
        let msg = &mut buf[..n];
        match tokio::time::timeout(TCP_IDLE, tcp.read_exact(msg)).await {
            Ok(Ok(_)) => {}
            _ => return,
        }
        if let Some(out) = answer_over(shared, msg, true) {
            let mut framed = (out.len() as u16).to_be_bytes().to_vec();
            framed.extend_from_slice(&out);
            if tcp.write_all(&framed).await.is_err() {
                return;
            }
        }
    }
}
