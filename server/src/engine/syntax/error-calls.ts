import type { Node } from 'web-tree-sitter';
import { GrammarLanguageId } from '../languages';
import { CallFact } from './facts';
import { OffsetMap } from './macro-bodies';

export function errorRegionCalls(_id: GrammarLanguageId, _root: Node, _toOriginal: OffsetMap): CallFact[] {
  return [];
}
