import { launchBrowser } from './browser.ts';
const [url, out, w, h, email] = process.argv.slice(2);
const { context, close } = await launchBrowser();
const page = await context.newPage(); await page.setViewportSize({ width: Number(w ?? 1280), height: Number(h ?? 800) });
page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto('http://127.0.0.1:8080/login');
if (email) {
  await page.getByLabel(/Email/).fill(email);
  await page.getByLabel(/Mật khẩu|Password/).fill('demo1234');
  await page.getByRole('button', { name: /Đăng nhập|Log in/ }).click();
  await page.waitForTimeout(1500);
}
if (url !== '-') await page.goto('http://127.0.0.1:8080' + url);
await page.waitForTimeout(2000);
await page.screenshot({ path: out, fullPage: true });
console.log('url now', page.url());
await close();
