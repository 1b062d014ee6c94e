// Real IndexedDB semantics in Node for client tests (ARCHITECTURE "Tests").
import 'fake-indexeddb/auto'
