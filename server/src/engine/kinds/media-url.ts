/**
 * A token in the query of a media file's URL (`https://…/o/img%2Ficon.svg?alt=media&token=…`, an image, audio,
 * video or font URL): a download token the app ships so that it can show that one file. It grants read access to a
 * file the app displays to its users anyway, so it is kept on record at info rather than asked to be signed off. A
 * token in any other URL (an API endpoint, a page, an archive or a document) is not touched.
 */
import type { LocalizedText } from '../rulebook/types';

/** File types an app shows or plays to its users. Documents and archives are left out: they may be private. */
const MEDIA_PATH = /\.(?:png|jpe?g|gif|svg|webp|avif|bmp|ico|heic|tiff?|mp3|m4a|aac|ogg|oga|opus|wav|flac|mp4|m4v|webm|mov|mkv|woff2?|ttf|otf)$/i;
const URL_START = /^[a-z][a-z0-9+.-]{1,15}:\/\/[^\s/?#]+/i;

/**
 * Whether `offset` (into `url`) lies in the query of a URL whose path names a media file. The whole value must be
 * one URL (no spaces), so a sentence or a list of URLs is not read as one.
 */
export function inMediaUrlQuery(url: string, offset: number): boolean {
  if (url.length > 4096 || /\s/.test(url)) return false;
  const authority = URL_START.exec(url);
  if (!authority) return false;
  const query = url.indexOf('?', authority[0].length);
  if (query < 0 || offset <= query) return false;
  const hash = url.indexOf('#', authority[0].length);
  const path = url.slice(authority[0].length, hash >= 0 && hash < query ? hash : query);
  return MEDIA_PATH.test(decodeSlashes(path));
}

/** `img%2Ficon.svg` is `img/icon.svg`: storage services encode the object's path in one segment. */
function decodeSlashes(path: string): string {
  return path.replace(/%2f/gi, '/');
}

/** Why such a token needs no sign-off. */
export const MEDIA_URL_TOKEN_NOTE: LocalizedText = {
  en: 'Kept at info: a download token in the URL of a media file (image, audio, video or font) that grants read access to that file only.',
  ja: '情報として記録: メディアファイル（画像・音声・動画・フォント）の URL に含まれるダウンロードトークンで、そのファイルの読み取りだけを許可します。',
};
