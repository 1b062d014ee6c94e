/**
 * Request and reply types from a route's TypeBox schemas: Fastify's type-provider interface with
 * TypeBox's `Static` — what @fastify/type-provider-typebox does, without adding the package
 * (docs/decisions.md). A route plugin calls `app.withTypeProvider<TypeBoxTypeProvider>()`; its
 * handlers then see `req.body`, `req.query`, `req.params` as the schemas validate them, and must
 * return what the response schemas describe.
 */
import type { FastifyTypeProvider } from 'fastify'
import type { Static, TSchema } from '@sinclair/typebox'

export interface TypeBoxTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends TSchema ? Static<this['schema']> : unknown
  serializer: this['schema'] extends TSchema ? Static<this['schema']> : unknown
}
