/**
 * Saving a signature drawn on the tablet. For a request, the owner's confirmation is the signature
 * plus a `signed` timeline event pointing at it, written in one transaction; a review's is the
 * reviewer's own.
 */
import { newId } from '@shared/domain/ids'
import { SignatureSchema, type Signature } from '@shared/domain/signature'
import { isValid } from '@shared/domain/validation'
import type { Role } from '@shared/domain/role'
import type { DeskbookDb } from '../database'
import { writeRecords, writeTransaction, type Actor } from '../write-records'
import { addReceptionEvent, type RegisterProblem } from './receptions'
import { RecordInvalidError } from '../errors'

export interface SignatureInput {
  subjectType: 'reception' | 'review' | 'handover'
  subjectId: string
  signerName: string
  image: string
}

export async function saveSignature(db: DeskbookDb, actor: Actor & { staffId: string }, role: Role, input: SignatureInput, now = Date.now()): Promise<Signature> {
  const signature: Signature = {
    id: newId(),
    siteId: actor.siteId,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    signerName: input.signerName.trim(),
    signerStaffId: null,
    image: input.image,
    signedAt: now,
  }
  // Said as a missing signature (an empty drawing) rather than as the schema's `errors.invalid`.
  if (!isValid(SignatureSchema, signature)) throw new RecordInvalidError<RegisterProblem>(['signatureRequired'])
  return writeTransaction(db, [db.signatures, db.receptions, db.receptionEvents, db.receptionIndex, db.requestFacts], async () => {
    await writeRecords(db, actor, [{ name: 'signature.add', row: signature }], now)
    // On a request, the owner's confirmation also shows on its timeline.
    if (input.subjectType === 'reception') await addReceptionEvent(db, actor, role, input.subjectId, { type: 'signed', note: signature.signerName, signatureId: signature.id }, now)
    return signature
  })
}
