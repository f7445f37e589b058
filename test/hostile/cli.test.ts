/**
 * The command line against hostile input, run as a new user would run it (the real `bin/ppnet.js`, in
 * folders made for each case): unreadable configs, folders and files, symbolic links and their loops,
 * hidden folders, encodings, control characters, flags without values, `-o` onto its own inputs,
 * standard input and endless devices. Every run is checked for stack traces and raw control characters
 * (`harness.ts`); every expectation is the exact output and exit code.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import { main } from '../../server/src/cli/main';
import { checkCommand } from '../../server/src/cli/commands/check';
import { BAD, BAD_LINE, GOOD, ppnet, PPNET, summary, tempTree, UNPRIVILEGED } from './harness';

const unprivileged = 'skip' in UNPRIVILEGED ? UNPRIVILEGED.skip : false;
if (unprivileged) console.log(`# permission cases skipped: ${unprivileged}`);

const CONFIG_UNREADABLE = (reason: string) =>
  `ppnet.config.yaml:1:1: error cannot-read: Cannot read this ppnet.config.yaml: ${reason}. ` +
  'The files below it are checked with every rule at its default level; make the config readable (or remove it) so that its levels apply.';

describe('hostile input: files and folders that cannot be read', () => {
  it('an unreadable ppnet.config.yaml: said on the config, every file still checked at default levels, exit 2', { skip: unprivileged }, () => {
    const dir = tempTree({ 'ppnet.config.yaml': 'rules:\n  unknown-region: off\n', 'a.ppnet.yaml': BAD });
    fs.chmodSync(path.join(dir, 'ppnet.config.yaml'), 0o000);
    const result = ppnet(['check', 'a.ppnet.yaml'], { cwd: dir, as: 'unprivileged' });
    assert.deepEqual(result, {
      status: 2,
      stdout: [CONFIG_UNREADABLE('permission denied (EACCES)'), BAD_LINE('a.ppnet.yaml'), summary(2, 2, 0, 1)].join('\n') + '\n',
      stderr: '',
    });
  });

  it('a folder named ppnet.config.yaml: the same, with what it is', () => {
    const dir = tempTree({ 'ppnet.config.yaml/x': '', 'a.ppnet.yaml': BAD });
    const result = ppnet(['check', '.'], { cwd: dir });
    assert.deepEqual(result, {
      status: 2,
      stdout: [CONFIG_UNREADABLE('it is a folder, not a file (EISDIR)'), BAD_LINE('a.ppnet.yaml'), summary(2, 2, 0, 1)].join('\n') + '\n',
      stderr: '',
    });
  });

  it('an unreadable subfolder and an unreadable file: each said at its path, the other files checked, exit 2', { skip: unprivileged }, () => {
    const dir = tempTree({ 'net/a.ppnet.yaml': BAD, 'net/locked/b.ppnet.yaml': BAD, 'net/secret.ppnet.yaml': GOOD, 'net/z.ppnet.yaml': GOOD });
    fs.chmodSync(path.join(dir, 'net', 'locked'), 0o000);
    fs.chmodSync(path.join(dir, 'net', 'secret.ppnet.yaml'), 0o000);
    const result = ppnet(['check', 'net'], { cwd: dir, as: 'unprivileged' });
    assert.deepEqual(result, {
      status: 2,
      stdout:
        [
          BAD_LINE('net/a.ppnet.yaml'),
          'net/locked:1:1: error cannot-read: Cannot read this folder: permission denied (EACCES). The topology files in it are not checked: let the user running ppnet read it.',
          'net/secret.ppnet.yaml:1:1: error cannot-read: Cannot read this file: permission denied (EACCES). It is not checked: let the user running ppnet read it.',
          summary(3, 4, 0, 2),
        ].join('\n') + '\n',
      stderr: '',
    });
    // In JSON and SARIF the paths not read are results too, and a line on stderr says so.
    const json = ppnet(['check', 'net', '--format', 'json'], { cwd: dir, as: 'unprivileged' });
    assert.equal(json.status, 2);
    assert.deepEqual(
      (JSON.parse(json.stdout) as { file: string; code: string }[]).map((r) => [r.file, r.code]),
      [
        ['net/a.ppnet.yaml', 'unknown-region'],
        ['net/locked', 'cannot-read'],
        ['net/secret.ppnet.yaml', 'cannot-read'],
      ],
    );
    assert.equal(json.stderr, 'ppnet: some paths were not read or not checked; the report says which and why\n');
  });

  it('-o into a folder that cannot be written: one line naming the path and the cause, exit 2', { skip: unprivileged }, () => {
    const dir = tempTree({ 'a.ppnet.yaml': GOOD, 'out/.keep': '' });
    fs.chmodSync(path.join(dir, 'out'), 0o555);
    const result = ppnet(['graph', 'a.ppnet.yaml', '-o', 'out/a.svg'], { cwd: dir, as: 'unprivileged' });
    assert.deepEqual(result, { status: 2, stdout: '', stderr: 'ppnet: cannot write out/a.svg: permission denied (EACCES)\n' });
  });

  it('graph under a config that cannot be read: drawn with the default levels, one line that says so, exit 2', () => {
    const dir = tempTree({ 'ppnet.config.yaml/x': '', 'a.ppnet.yaml': BAD });
    const result = ppnet(['graph', 'a.ppnet.yaml', '--format', 'json'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'ppnet: cannot read ppnet.config.yaml: it is a folder, not a file (EISDIR); drawn with every rule at its default level\n');
    assert.equal((JSON.parse(result.stdout) as { nodes: unknown[] }).nodes.length > 0, true);
  });

  it('a missing path on the command line is bad usage: one line, exit 2', () => {
    const dir = tempTree({ 'a.ppnet.yaml': GOOD });
    assert.deepEqual(ppnet(['check', 'a.ppnet.yaml', 'nope.ppnet.yaml'], { cwd: dir }), {
      status: 2,
      stdout: '',
      stderr: 'ppnet: cannot read nope.ppnet.yaml: no such file or folder\n',
    });
  });
});

describe('hostile input: symbolic links, loops, hidden folders and repeated paths', () => {
  it('follows a link to a topology file and to a folder, and checks each real file once', () => {
    const dir = tempTree({ 'real/a.ppnet.yaml': BAD, 'elsewhere/b.ppnet.yaml': BAD });
    fs.mkdirSync(path.join(dir, 'linked'));
    fs.symlinkSync('../real/a.ppnet.yaml', path.join(dir, 'linked', 'only.ppnet.yaml'));
    fs.symlinkSync('../elsewhere', path.join(dir, 'real', 'more'));
    // A folder holding only a link: its file is checked.
    assert.deepEqual(ppnet(['check', 'linked'], { cwd: dir }), {
      status: 1,
      stdout: [BAD_LINE('linked/only.ppnet.yaml'), summary(1, 1)].join('\n') + '\n',
      stderr: '',
    });
    // The link and its target, the folder linked and the folder itself: each real file once, as first reached.
    assert.deepEqual(ppnet(['check', 'linked', 'real', 'elsewhere'], { cwd: dir }), {
      status: 1,
      stdout: [BAD_LINE('linked/only.ppnet.yaml'), BAD_LINE('real/more/b.ppnet.yaml'), summary(2, 2)].join('\n') + '\n',
      stderr: '',
    });
  });

  it('a link loop ends: every file once, and the run ends', () => {
    const dir = tempTree({ 'net/a.ppnet.yaml': BAD, 'net/sub/b.ppnet.yaml': GOOD });
    fs.symlinkSync('..', path.join(dir, 'net', 'sub', 'up'));
    fs.symlinkSync('.', path.join(dir, 'net', 'self'));
    const result = ppnet(['check', 'net'], { cwd: dir, timeoutMs: 20_000 });
    assert.deepEqual(result, { status: 1, stdout: [BAD_LINE('net/a.ppnet.yaml'), summary(1, 2)].join('\n') + '\n', stderr: '' });
  });

  it('a link to nothing, named like a topology file: said, exit 2', () => {
    const dir = tempTree({ 'net/a.ppnet.yaml': GOOD });
    fs.symlinkSync('gone.ppnet.yaml', path.join(dir, 'net', 'dangling.ppnet.yaml'));
    fs.symlinkSync('gone.txt', path.join(dir, 'net', 'other-link'));
    assert.deepEqual(ppnet(['check', 'net'], { cwd: dir }), {
      status: 2,
      stdout:
        [
          'net/dangling.ppnet.yaml:1:1: error cannot-read: Cannot read this symbolic link: it leads to gone.ppnet.yaml, which cannot be read: no such file or folder (ENOENT). Fix or remove the link.',
          summary(1, 2, 0, 1),
        ].join('\n') + '\n',
      stderr: '',
    });
  });

  it('skips hidden and node_modules folders below a folder, says so when nothing else is found, and checks them when named', () => {
    const dir = tempTree({ 'net/.old/a.ppnet.yaml': BAD, 'net/node_modules/b.ppnet.yaml': BAD });
    assert.deepEqual(ppnet(['check', 'net'], { cwd: dir }), {
      status: 2,
      stdout: '',
      stderr: 'ppnet: no *.ppnet.yaml or *.ppnet.yml file in net (not searched: net/.old, net/node_modules; name a hidden or node_modules folder to check it)\n',
    });
    assert.deepEqual(ppnet(['check', 'net/.old', 'net/node_modules'], { cwd: dir }), {
      status: 1,
      stdout: [BAD_LINE('net/.old/a.ppnet.yaml'), BAD_LINE('net/node_modules/b.ppnet.yaml'), summary(2, 2)].join('\n') + '\n',
      stderr: '',
    });
  });

  it('a path given twice, or spelled twice, is checked once', () => {
    const dir = tempTree({ 'a.ppnet.yaml': BAD });
    assert.deepEqual(ppnet(['check', 'a.ppnet.yaml', 'a.ppnet.yaml', './a.ppnet.yaml', '.', path.join(dir, 'a.ppnet.yaml')], { cwd: dir }), {
      status: 1,
      stdout: [BAD_LINE('a.ppnet.yaml'), summary(1, 1)].join('\n') + '\n',
      stderr: '',
    });
  });
});

describe('hostile input: encodings and content that is not text', () => {
  const text = 'version: 1\nenvironments:\n  prod:\n    region: europe\n';
  const UTF16 = (endian: 'little' | 'big', bom: boolean) =>
    `error yaml-syntax: UTF-16 text (${endian}-endian, ${bom ? 'with' : 'no'} byte order mark): ppnet reads topology files as UTF-8 only. ` +
    `Save it as UTF-8, for example with "iconv -f UTF-16${bom ? '' : endian === 'little' ? 'LE' : 'BE'} -t UTF-8", ` +
    `or in VS Code with Reopen with Encoding (UTF-16 ${endian === 'little' ? 'LE' : 'BE'}) and then Save with Encoding (UTF-8).`;
  const be = (s: string) => Buffer.from(s, 'utf16le').swap16();

  for (const [name, bytes, line] of [
    ['UTF-16 LE without a byte order mark', Buffer.from(text, 'utf16le'), `u.ppnet.yaml:1:1: ${UTF16('little', false)}`],
    ['UTF-16 BE without a byte order mark', be(text), `u.ppnet.yaml:1:1: ${UTF16('big', false)}`],
    ['UTF-16 LE with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), `u.ppnet.yaml:1:1: ${UTF16('little', true)}`],
    ['UTF-16 BE with a byte order mark, not ASCII', Buffer.concat([Buffer.from([0xfe, 0xff]), be(text.replace('europe', 'europé'))]), `u.ppnet.yaml:1:1: ${UTF16('big', true)}`],
    ['UTF-16 LE of text that is not ASCII', Buffer.from(`${text}name: Zürich ✓\n`, 'utf16le'), `u.ppnet.yaml:1:1: ${UTF16('little', false)}`],
    [
      'NUL bytes in a UTF-8 file',
      Buffer.from('version: 1\u0000\u0001\u0002\nenvironments: {}\n'),
      'u.ppnet.yaml:1:11: error yaml-syntax: Binary content, not text: the file holds a NUL character here, which text never holds, so ppnet does not read it as YAML. ' +
        'Check that this is the topology file you meant; if it is text, remove the NUL characters.',
    ],
    [
      'binary bytes that are not UTF-8 (a PNG header, whose CR LF and LF end lines)',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00]),
      'u.ppnet.yaml:3:1: error yaml-syntax: Binary content, not text: the file holds a NUL character here, which text never holds, so ppnet does not read it as YAML. ' +
        'Check that this is the topology file you meant; if it is text, remove the NUL characters.',
    ],
    [
      'Windows-1252 text',
      Buffer.from('version: 1\nname: Caf\u00e9 Z\u00fcrich\n', 'latin1'),
      'u.ppnet.yaml:2:10: error yaml-syntax: Not UTF-8 text: the byte 0xE9 here is not valid UTF-8, so ppnet cannot read the file. ' +
        'If it is text in another encoding (such as Windows-1252), save it as UTF-8, for example with "iconv -f WINDOWS-1252 -t UTF-8".',
    ],
  ] as const) {
    it(`${name}: one diagnostic that says what it is and what to do, exit 1`, () => {
      const dir = tempTree({ 'u.ppnet.yaml': bytes });
      assert.deepEqual(ppnet(['check', 'u.ppnet.yaml'], { cwd: dir }), { status: 1, stdout: `${line}\n${summary(1, 1)}\n`, stderr: '' });
    });
  }

  it('CR-only line ends: read as line ends, with one warning that says so', () => {
    const dir = tempTree({ 'mac.ppnet.yaml': BAD.replace(/\n/g, '\r'), 'unix.ppnet.yaml': BAD });
    assert.deepEqual(ppnet(['check', 'mac.ppnet.yaml', 'unix.ppnet.yaml'], { cwd: dir }), {
      status: 1,
      stdout:
        [
          'mac.ppnet.yaml:1:11: warning yaml-warning: YAML warning: This line ends with a carriage return (CR) alone, as classic Mac OS wrote line ends (4 line ends in this file are like it). ' +
            'ppnet reads it as a line end, as YAML does, but Git, diff and many tools see one long line: save the file with LF (or CRLF) line ends.',
          BAD_LINE('mac.ppnet.yaml'),
          BAD_LINE('unix.ppnet.yaml'),
          summary(2, 2, 1),
        ].join('\n') + '\n',
      stderr: '',
    });
  });
});

describe('hostile input: control characters never reach the terminal', () => {
  // Double-quoted YAML escapes: set the window title, clear the screen, a C1 CSI, DEL.
  const HOSTILE_VALUE = '"\\e]0;PWNED\\a\\e[2J\\x9b31m\\x7fx"';
  const ESCAPED = '"\\x1B]0;PWNED\\x07\\x1B[2J\\x9B31m\\x7Fx"';
  const text = `version: 1\nenvironments:\n  prod:\n    region: ${HOSTILE_VALUE}\n`;
  const message =
    `${ESCAPED} is not a Power Platform region, which the region of environment prod must be. The Power Platform regions are ` +
    'unitedstates, unitedstatesfirstrelease, europe, asia, australia, japan, india, canada, unitedkingdom, southamerica, france, southafrica, unitedarabemirates, germany, switzerland, norway, korea, sweden, Singapore, Italy.';

  it('text, JSON and SARIF print them escaped, and JSON and SARIF stay valid', () => {
    const dir = tempTree({ 'a.ppnet.yaml': text });
    const plain = ppnet(['check', 'a.ppnet.yaml'], { cwd: dir });
    assert.deepEqual(plain, { status: 1, stdout: `a.ppnet.yaml:4:13: error unknown-region: ${message}\n${summary(1, 1)}\n`, stderr: '' });
    const json = ppnet(['check', 'a.ppnet.yaml', '--format', 'json'], { cwd: dir });
    assert.deepEqual((JSON.parse(json.stdout) as { message: string }[]).map((r) => r.message), [message]);
    const sarif = ppnet(['check', 'a.ppnet.yaml', '--format', 'sarif'], { cwd: dir });
    const log = JSON.parse(sarif.stdout) as { runs: { results: { message: { text: string } }[] }[] };
    assert.deepEqual(log.runs[0].results.map((r) => r.message.text), [message]);
    const schemaText = fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8');
    const validate = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(JSON.parse(schemaText.replace(/^\uFEFF/, '')));
    assert.ok(validate(log), JSON.stringify(validate.errors));
  });

  it('raw control characters in the file: one diagnostic at the first, counting them, and the rest is checked', () => {
    const dir = tempTree({ 'a.ppnet.yaml': `version: 1\nname: a\u001b[2Jb\u0007\nenvironments:\n  prod:\n    region: westeurope\n` });
    assert.deepEqual(ppnet(['check', 'a.ppnet.yaml'], { cwd: dir }), {
      status: 1,
      stdout:
        [
          'a.ppnet.yaml:2:8: error yaml-syntax: Control character U+001B (ESC) here, the first of 2 in this file: YAML does not allow control characters in a file, ' +
            'and they would act on the terminal or log that shows this value. Remove them; they are usually left over from a copy or a wrong encoding.',
          BAD_LINE('a.ppnet.yaml').replace(':4:13:', ':5:13:'),
          summary(2, 1),
        ].join('\n') + '\n',
      stderr: '',
    });
  });

  it('file names with control characters are escaped too, in reports and in errors', () => {
    const name = 'evil\u001b[2J.ppnet.yaml';
    const dir = tempTree({ [name]: BAD });
    assert.deepEqual(ppnet(['check', name], { cwd: dir }), { status: 1, stdout: `${BAD_LINE('evil\\x1B[2J.ppnet.yaml')}\n${summary(1, 1)}\n`, stderr: '' });
    assert.deepEqual(ppnet(['check', 'gone\u009b.ppnet.yaml'], { cwd: dir }), { status: 2, stdout: '', stderr: 'ppnet: cannot read gone\\x9B.ppnet.yaml: no such file or folder\n' });
  });

  it('graph output has none in SVG and Mermaid (which write them as references), and escapes them in JSON', () => {
    const dir = tempTree({ 'a.ppnet.yaml': `version: 1\nname: "T\\e]0;x\\a"\nenvironments:\n  prod:\n    name: "P\\e[2J\\x9b"\n    region: europe\n` });
    for (const format of ['svg', 'mermaid', 'json']) {
      const result = ppnet(['graph', 'a.ppnet.yaml', '--format', format], { cwd: dir }); // the harness finds any raw control character
      assert.equal(result.status, 0, format);
      if (format === 'json') assert.ok(result.stdout.includes('P\\\\x1B[2J\\\\x9B'), result.stdout.slice(0, 300));
    }
    assert.equal((JSON.parse(ppnet(['graph', 'a.ppnet.yaml', '--format', 'json'], { cwd: dir }).stdout) as { title: string }).title, 'T\\x1B]0;x\\x07');
  });
});

describe('hostile input: flags', () => {
  const dir = tempTree({ 'a.ppnet.yaml': GOOD });
  for (const [args, message] of [
    [['check', 'a.ppnet.yaml', '--format'], 'ppnet: --format needs a format: text, json, sarif, junit, gitlab or github'],
    [['check', '--format', '-o', 'x', 'a.ppnet.yaml'], 'ppnet: --format needs a format: text, json, sarif, junit, gitlab or github'],
    [['check', 'a.ppnet.yaml', '--format='], 'ppnet: --format needs a format: text, json, sarif, junit, gitlab or github'],
    [['check', 'a.ppnet.yaml', '-o'], 'ppnet: -o needs a file name (- for standard output)'],
    [['check', 'a.ppnet.yaml', '--output='], 'ppnet: --output needs a file name (- for standard output)'],
    [['graph', 'a.ppnet.yaml', '-o'], 'ppnet: -o needs a file name (- for standard output)'],
    [['graph', 'a.ppnet.yaml', '-o', '--format', 'json'], 'ppnet: -o needs a file name (- for standard output)'],
    [['graph', 'a.ppnet.yaml', '--theme'], 'ppnet: --theme needs a theme: light, dark, high-contrast or high-contrast-light'],
    [['graph', 'a.ppnet.yaml', '--format'], 'ppnet: --format needs a format: svg, png, drawio, mermaid or json'],
    [['check', 'a.ppnet.yaml', '--fromat', 'json'], 'ppnet: unknown option --fromat'],
  ] as const) {
    it(`${args.join(' ')}: one line and the usage, exit 2, nothing written`, () => {
      const result = ppnet([...args], { cwd: dir });
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr.split('\n')[0], message);
      assert.ok(result.stderr.includes(`\n\nUsage:\n  ppnet ${checkCommand.usage}\n`), result.stderr);
      assert.deepEqual(fs.readdirSync(dir), ['a.ppnet.yaml']);
    });
  }

  it('-- ends the options: a file whose name starts with a dash', () => {
    const named = tempTree({ '-odd.ppnet.yaml': BAD });
    assert.deepEqual(ppnet(['check', '--', '-odd.ppnet.yaml'], { cwd: named }), { status: 1, stdout: `${BAD_LINE('-odd.ppnet.yaml')}\n${summary(1, 1)}\n`, stderr: '' });
  });
});

describe('hostile input: -o never destroys an input', () => {
  it('graph -o onto its own topology, by any name or link, or onto its config: refused, the files untouched', () => {
    const dir = tempTree({ 'net.ppnet.yaml': BAD, 'ppnet.config.yaml': 'rules: {}\n' });
    fs.symlinkSync('net.ppnet.yaml', path.join(dir, 'alias.ppnet.yaml'));
    fs.linkSync(path.join(dir, 'net.ppnet.yaml'), path.join(dir, 'hard.ppnet.yaml'));
    for (const [output, what] of [
      ['net.ppnet.yaml', 'an input'],
      ['./net.ppnet.yaml', 'the same file as net.ppnet.yaml'],
      ['alias.ppnet.yaml', 'the same file as net.ppnet.yaml'],
      ['hard.ppnet.yaml', 'the same file as net.ppnet.yaml'],
      ['ppnet.config.yaml', 'an input'],
    ]) {
      assert.deepEqual(ppnet(['graph', 'net.ppnet.yaml', '-o', output], { cwd: dir }), {
        status: 2,
        stdout: '',
        stderr: `ppnet: will not write to ${output}: it is ${what}, which this run reads. Name another output file.\n`,
      });
    }
    assert.equal(fs.readFileSync(path.join(dir, 'net.ppnet.yaml'), 'utf8'), BAD);
    assert.equal(fs.readFileSync(path.join(dir, 'ppnet.config.yaml'), 'utf8'), 'rules: {}\n');
  });

  it('check -o writes the report there (exit code as without -o), and refuses a checked file', () => {
    const dir = tempTree({ 'net/a.ppnet.yaml': BAD });
    const toStdout = ppnet(['check', 'net'], { cwd: dir });
    assert.deepEqual(ppnet(['check', 'net', '-o', 'report.txt'], { cwd: dir }), { status: 1, stdout: '', stderr: '' });
    assert.equal(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8'), toStdout.stdout);
    assert.deepEqual(ppnet(['check', 'net', '--format', 'json', '--output=report.json'], { cwd: dir }), { status: 1, stdout: '', stderr: '' });
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'))[0].code, 'unknown-region');
    assert.deepEqual(ppnet(['check', 'net', '-o', 'net/a.ppnet.yaml'], { cwd: dir }), {
      status: 2,
      stdout: '',
      stderr: 'ppnet: will not write to net/a.ppnet.yaml: it is an input, which this run reads. Name another output file.\n',
    });
    assert.equal(fs.readFileSync(path.join(dir, 'net', 'a.ppnet.yaml'), 'utf8'), BAD);
    // - is standard output.
    assert.deepEqual(ppnet(['check', 'net', '-o', '-'], { cwd: dir }), toStdout);
  });
});

describe('hostile input: standard input, endless and huge inputs', () => {
  it('- reads standard input for check and graph, with the nearest config of the current folder', () => {
    const dir = tempTree({ 'ppnet.config.yaml': 'rules:\n  unknown-region: warning\n' });
    assert.deepEqual(ppnet(['check', '-'], { cwd: dir, input: BAD }), {
      status: 0,
      stdout: `${BAD_LINE('<stdin>').replace('error unknown-region', 'warning unknown-region')}\n${summary(0, 1, 1)}\n`,
      stderr: '',
    });
    assert.deepEqual(ppnet(['check', '-', '-'], { cwd: dir, input: GOOD }).stdout, `${summary(0, 1)}\n`);
    const graph = ppnet(['graph', '-', '--format', 'json'], { cwd: dir, input: GOOD });
    assert.equal(graph.status, 0);
    assert.deepEqual((JSON.parse(graph.stdout) as { title: string; nodes: { id: string }[] }).title, '<stdin>');
  });

  it('/dev/zero and an endless pipe: reading stops at the limit, exit 2', () => {
    const result = ppnet(['check', '/dev/zero'], { timeoutMs: 20_000 });
    assert.deepEqual(result, {
      status: 2,
      stdout:
        '/dev/zero:1:1: error file-too-large: File too large to check: it goes on past the limit of 5,242,880 bytes (5 MiB) that ppnet keeps in the editor and on the command line, ' +
        'so ppnet stopped reading it. ' +
        `Split the topology into smaller files.\n${summary(1, 1, 0, 1)}\n`,
      stderr: '',
    });
    const piped = spawnSync('/bin/sh', ['-c', `yes 'name: x' | "${process.execPath}" "${PPNET}" check -`], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(piped.status, 2);
    assert.match(piped.stdout, /^<stdin>:1:1: error file-too-large: File too large to check: it goes on past the limit/);
  });

  it('a file above the limit is not read: its exact size, exit 2', () => {
    const dir = tempTree();
    const file = path.join(dir, 'huge.ppnet.yaml');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 30 * 1024 * 1024 + 17);
    assert.deepEqual(ppnet(['check', 'huge.ppnet.yaml'], { cwd: dir }), {
      status: 2,
      stdout:
        'huge.ppnet.yaml:1:1: error file-too-large: File too large to check: 31,457,297 bytes, above the limit of 5,242,880 bytes (5 MiB) that ppnet keeps in the editor and on the command line, ' +
        'so it did not read it. ' +
        `Split the topology into smaller files.\n${summary(1, 1, 0, 1)}\n`,
      stderr: '',
    });
    assert.deepEqual(ppnet(['graph', 'huge.ppnet.yaml'], { cwd: dir }).stderr.split(': File too large')[0], 'ppnet: huge.ppnet.yaml:1:1');
  });

  it('a reader that stops early (| head): no error, no stack trace', () => {
    const many = 'version: 1\nenvironments:\n' + Array.from({ length: 3000 }, (_, i) => `  e${i}:\n    region: westeurope\n`).join('');
    const dir = tempTree({ 'many.ppnet.yaml': many });
    const result = spawnSync('/bin/bash', ['-c', `"${process.execPath}" "${PPNET}" check many.ppnet.yaml | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^[01]\n$/);
  });
});

describe('hostile input: a failure inside ppnet', () => {
  /** Runs the command line in-process in `cwd`, with `patch` applied to a module's export while it runs. */
  async function runPatched(cwd: string, args: string[], module: Record<string, unknown>, name: string, replacement: unknown) {
    const original = module[name];
    const previous = process.cwd();
    let stdout = '';
    let stderr = '';
    module[name] = replacement;
    process.chdir(cwd);
    try {
      const status = await main(args, (t) => (stdout += t), (t) => (stderr += t));
      return { status, stdout, stderr };
    } finally {
      process.chdir(previous);
      module[name] = original;
    }
  }

  it('a check that fails on one file: an internal-error finding on it, the other files checked, exit 2', async () => {
    const dir = tempTree({ 'a.ppnet.yaml': BAD, 'b.ppnet.yaml': BAD });
    const languageService = require('../../server/src/service/languageService') as Record<string, unknown>;
    const real = languageService.createLanguageService as () => { validate: (d: { uri: string }) => unknown };
    const failing = () => {
      const service = real();
      return { ...service, validate: (d: { uri: string }) => (d.uri.endsWith('/a.ppnet.yaml') ? assert.fail('boom') : service.validate(d)) };
    };
    const result = await runPatched(dir, ['check', '.'], languageService, 'createLanguageService', failing);
    assert.deepEqual(result, {
      status: 2,
      stdout:
        [
          'a.ppnet.yaml:1:1: error internal-error: ppnet could not check this file because of an error inside ppnet (boom). The diagnostics shown may be incomplete; please report it with the file.',
          BAD_LINE('b.ppnet.yaml'),
          summary(2, 2, 0, 1),
        ].join('\n') + '\n',
      stderr: '',
    });
  });

  it('a failure of the run itself: one line, no stack trace unless PPNET_DEBUG is set', async () => {
    const dir = tempTree({ 'a.ppnet.yaml': GOOD });
    const check = require('../../server/src/cli/check') as Record<string, unknown>;
    const throwing = () => {
      throw new Error('disk on fire\u001b[2J');
    };
    const previous = process.env.PPNET_DEBUG;
    delete process.env.PPNET_DEBUG;
    try {
      assert.deepEqual(await runPatched(dir, ['check', '.'], check, 'checkFiles', throwing), {
        status: 2,
        stdout: '',
        stderr: 'ppnet: internal error: disk on fire\\x1B[2J. Please report it (set PPNET_DEBUG=1 to see where)\n',
      });
      process.env.PPNET_DEBUG = '1';
      assert.match((await runPatched(dir, ['check', '.'], check, 'checkFiles', throwing)).stderr, /^ppnet: internal error: disk on fire\\x1B\[2J\. Please report it\nError: disk on fire/);
    } finally {
      if (previous === undefined) delete process.env.PPNET_DEBUG;
      else process.env.PPNET_DEBUG = previous;
    }
  });
});
