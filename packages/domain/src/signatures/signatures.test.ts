import { describe, expect, it } from 'vitest';
import { canonicalJson, NotCanonicalizableError } from './canonical.js';
import { checkCosignature, checkSignatureRequest, type SignedRecord } from './rules.js';

describe('canonical JSON', () => {
  it('does not depend on the order fields were built in', () => {
    const a = { b: 1, a: { d: [1, 2, { y: true, x: null }], c: 'x' } };
    const b = { a: { c: 'x', d: [1, 2, { x: null, y: true }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[1,2,{"x":null,"y":true}]},"b":1}');
  });

  it('keeps array order, since it is part of the content', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('writes numbers and strings as JCS does', () => {
    expect(canonicalJson({ n: 1.0, m: -0, big: 1e21, small: 1e-7, f: 0.1 })).toBe(
      '{"big":1e+21,"f":0.1,"m":0,"n":1,"small":1e-7}',
    );
    expect(canonicalJson('é "quoted" \n line')).toBe('"é \\"quoted\\" \\n line"');
    // Keys sort by UTF-16 code units: uppercase before lowercase, "é" after "z".
    expect(canonicalJson({ z: 1, é: 2, Z: 3 })).toBe('{"Z":3,"z":1,"é":2}');
  });

  it('leaves out undefined members and writes dates as their ISO text', () => {
    expect(canonicalJson({ a: undefined, b: new Date('2026-12-01T09:00:00Z') })).toBe(
      '{"b":"2026-12-01T09:00:00.000Z"}',
    );
  });

  it('refuses what JSON would silently change', () => {
    expect(() => canonicalJson({ score: Number.NaN })).toThrow(NotCanonicalizableError);
    expect(() => canonicalJson({ x: Number.POSITIVE_INFINITY })).toThrow(/\$\.x/);
    expect(() => canonicalJson([1, undefined])).toThrow(/\$\[1\]/);
    expect(() => canonicalJson({ n: 10n })).toThrow(NotCanonicalizableError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(NotCanonicalizableError);
  });
});

describe('who may sign how', () => {
  const base = {
    typedName: 'Sam Lee',
    attestation: 'I attest.',
    staffPresent: true,
    viaLink: false,
    passwordGiven: true,
    cosigns: false,
  };
  const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

  it('accepts staff by password and a patient in person or by link', () => {
    expect(checkSignatureRequest({ ...base, signerRole: 'author', method: 'password' })).toEqual([]);
    expect(
      checkSignatureRequest({ ...base, signerRole: 'patient', method: 'in_person', passwordGiven: false }),
    ).toEqual([]);
    expect(
      checkSignatureRequest({
        ...base,
        signerRole: 'guardian',
        method: 'one_time_link',
        staffPresent: false,
        viaLink: true,
        passwordGiven: false,
      }),
    ).toEqual([]);
  });

  it('requires a typed name and the attestation, naming the fields with the prefix', () => {
    const problems = checkSignatureRequest(
      { ...base, signerRole: 'patient', method: 'in_person', typedName: ' ', attestation: '' },
      'signature.',
    );
    expect(fields(problems)).toEqual(['signature.typedName', 'signature.attestation']);
  });

  it('makes staff re-enter their password and keeps patients off staff passwords', () => {
    expect(
      fields(
        checkSignatureRequest({ ...base, signerRole: 'author', method: 'password', passwordGiven: false }),
      ),
    ).toEqual(['password']);
    expect(fields(checkSignatureRequest({ ...base, signerRole: 'author', method: 'in_person' }))).toEqual([
      'method',
    ]);
    expect(fields(checkSignatureRequest({ ...base, signerRole: 'patient', method: 'password' }))).toEqual([
      'method',
    ]);
    expect(
      fields(
        checkSignatureRequest({ ...base, signerRole: 'patient', method: 'one_time_link', viaLink: false }),
      ),
    ).toEqual(['method']);
    expect(
      fields(
        checkSignatureRequest({ ...base, signerRole: 'patient', method: 'in_person', staffPresent: false }),
      ),
    ).toEqual(['method']);
  });

  it('ties a co-signature, and only a co-signature, to another signature', () => {
    expect(fields(checkSignatureRequest({ ...base, signerRole: 'cosigner', method: 'password' }))).toEqual([
      'cosignsSignatureId',
    ]);
    expect(
      fields(checkSignatureRequest({ ...base, signerRole: 'author', method: 'password', cosigns: true })),
    ).toEqual(['signerRole']);
  });
});

describe('co-signature', () => {
  const original: SignedRecord = {
    id: 's1',
    documentType: 'note',
    documentId: 'n1',
    documentVersion: 2,
    contentHash: 'abc',
    signerRole: 'author',
    signerUserId: 'author-user',
  };
  const cosign = {
    documentType: 'note',
    documentId: 'n1',
    documentVersion: 2,
    contentHash: 'abc',
    signerUserId: 'director',
  };

  it('stands behind the same content signed by someone else', () => {
    expect(checkCosignature(original, cosign)).toBeNull();
  });

  it('refuses changed content, another document, the author, or a co-signature of a co-signature', () => {
    expect(checkCosignature(original, { ...cosign, contentHash: 'changed' })?.code).toBe('content_changed');
    expect(checkCosignature(original, { ...cosign, documentVersion: 3 })?.code).toBe('other_document');
    expect(checkCosignature(original, { ...cosign, signerUserId: 'author-user' })?.code).toBe('same_signer');
    expect(checkCosignature({ ...original, signerRole: 'cosigner' }, cosign)?.code).toBe(
      'not_author_signature',
    );
  });
});
