// Rasterises images/icon.svg to images/icon.png (the Marketplace needs a PNG of at least 128x128) with
// the Chromium that the end-to-end tests use. Run after editing the SVG: node scripts/render-icon.mjs
import { chromium } from 'playwright-core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const images = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'images');
const svg = fs.readFileSync(path.join(images, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(images, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
