// The share picture: the button (in the later steps' chunk) and the switch the frame sets. Not for
// the frame's entry: it imports share-context.ts itself, or the button would join its first load.
export { SharePicture } from './share-button';
export { shareEnabled } from './share-context';
