// Mock Infinity Connect (webapp2) runtime for Plugin Designer's preview and `simulate`.
// Provides window.PEX (pluginAPI, actions$, actions, conferenceQueryParams) as the vendor guide
// describes, loads each plugin's own source unmodified, and reports to the designer every
// uncaught error, rejected promise, console line, request and state change (window.PD).
(function () {
    'use strict';
    // The browser's own Promise, for the page's work (its pauses, the promises of the API). Why: a plugin setting
    // window.Promise = null (an old polyfill's doing) stopped the test of the buttons, and simulate said that
    // every plugin would freeze the meeting.
    var Promise = window.Promise;
    // And its own JSON, for every report to the designer: a plugin replacing JSON.stringify (an old library's own)
    // emptied them, and simulate said its load was an endless loop.
    var JSON = { stringify: window.JSON.stringify, parse: window.JSON.parse };
    // And its own clock, for the page's counts of each second (console lines, busy messages, repeats) and of slow code:
    // a plugin replacing performance.now (a test shim's () => 0) stopped it, and every plugin's console lines past
    // the first 500 were left out for good. (Not a watched built-in: the console's count runs before pageSide.)
    var clock = window.performance.now.bind(window.performance);
    var cfg = window.PD_CONFIG;
    var realDebug = console.debug.bind(console);
    var PD = window.PD = {
        config: cfg,
        plugins: {},        // key -> {cfg, registered, loaded, failed, state, subs: []}
        byPath: {},         // source path -> key
        listeners: [],
        lastActive: null,
        dialogs: [],
        errors: [],
        requests: []
    };
    // The designer's way in (its runJavaScript calls, preview-ui.js): window.PD and window.PDUI are names a plugin's
    // file may take (var PD = ... outside any function), as it may in the app, which has neither; this one it cannot.
    // Why: a plugin declaring its own PD took the designer's: simulate waited 20 s and called every plugin frozen.
    var designer = { PD: PD, UI: null };
    Object.defineProperty(window, '__pluginDesigner', { value: designer });

    // The browser's built-ins as they were before any plugin ran, the ones each plugin replaced, and whose are in
    // place now (see builtinsFor). The page's own code runs with the browser's, each plugin's code with its own
    // replacements: the page swaps them as it enters and leaves plugin code. Why: a plugin replacing one the page
    // uses (Object.assign = ..., Array.prototype.forEach = ..., JSON.stringify = ...) broke the whole page, its
    // buttons gone and the log's lines "[?]", the other plugins with it; now it breaks that plugin only, and the
    // log names the plugin and what it replaced.
    var reflectApply = Reflect.apply;  // (what calls plugin code, whatever a plugin did to Function.prototype.apply)
    var BUILTIN_GLOBALS = ['Object', 'Array', 'JSON', 'Promise', 'String', 'Number', 'Boolean', 'Math', 'Map', 'Set',
        'WeakMap', 'Symbol', 'Reflect', 'Date', 'RegExp', 'Error', 'TypeError', 'parseInt', 'parseFloat',
        'encodeURIComponent', 'decodeURIComponent', 'URL', 'MessageChannel', 'setTimeout', 'setInterval', 'clearTimeout',
        'clearInterval'];
    // (The ones the page's own code uses, each looked at on every way in and out of plugin code: a plugin's timer every
    // few milliseconds has this done dozens of times a tick, so not Map's, Set's or Symbol's, which it does not use.
    // Math's and Reflect's it does: a plugin's Math.floor = () => 0 had a hand raised in the meeting stay down, its
    // Math.max the chat show nothing. 234 slots in all, 170 before Math's, Reflect's, the timers', the console's,
    // Error's and RegExp's: a look, some 7 to 10 µs on a busy 2-CPU machine, a few more; five a plugin's frame, with
    // lookLater's.)
    var BUILTIN_HOLDERS = [['Object', Object], ['Array', Array], ['JSON', window.JSON], ['Promise', window.Promise], ['Date', Date],
        ['Math', Math], ['Reflect', Reflect],
        ['Object.prototype', Object.prototype], ['Array.prototype', Array.prototype], ['String.prototype', String.prototype],
        ['Function.prototype', Function.prototype], ['Promise.prototype', window.Promise.prototype],
        ['RegExp.prototype', RegExp.prototype]];  // (its exec replaced, every request was one the meeting did not know)
    var NOT_BUILTINS = ['constructor', 'prototype', 'length', 'name', 'caller', 'arguments'];
    // The console's lines, the page's hooks of them (see the console hook). Why: a plugin silencing them
    // (console.log = function () {}, as a build for production does) had every plugin's lines gone, unsaid.
    var CONSOLE_LEVELS = ['log', 'info', 'warn', 'error', 'debug'];
    // Slots by index: where each is (holder, name), its words ("Array.prototype.forEach") and the browser's value.
    // ``expected``: what each slot holds for the code running now (``owner``'s); ``replaced``: by plugin, {slot: value}.
    // (No prototype for the maps: a plugin adding an enumerable name to Object.prototype, as old libraries did, would
    // be taken for a replacement by the for...in loops below.)
    var objectCreate = Object.create;
    var builtins = { holders: [], names: [], words: [], pristine: [], expected: [], replaced: objectCreate(null), owner: null, taken: false, toSay: [] };
    function takeBuiltins() {
        if (builtins.taken) { return; }
        builtins.taken = true;
        // (``absent``: one the browser has none of, undefined in its place.)
        function slot(holder, name, words, absent) {
            var desc = Object.getOwnPropertyDescriptor(holder, name) || (absent ? { value: undefined, writable: true } : null);
            if (!desc || !('value' in desc) || !(desc.writable || desc.configurable)) { return; }
            builtins.holders.push(holder);
            builtins.names.push(name);
            builtins.words.push(words);
            builtins.pristine.push(desc.value);
            builtins.expected.push(desc.value);
        }
        BUILTIN_GLOBALS.forEach(function (name) { if (name in window) { slot(window, name, name); } });
        CONSOLE_LEVELS.forEach(function (name) { slot(console, name, 'console.' + name); });
        // (A number, not a function: how many frames a stack keeps. Why: a plugin setting it to 0, as some libraries
        // do for speed, took the frames the page reads a plugin's file and line from: every plugin's console lines
        // and crashes were said as no plugin's.)
        slot(Error, 'stackTraceLimit', 'Error.stackTraceLimit');
        slot(Error, 'prepareStackTrace', 'Error.prepareStackTrace', true);  // (one that writes stacks its own way: the same)
        BUILTIN_HOLDERS.forEach(function (pair) {
            Object.getOwnPropertyNames(pair[1]).forEach(function (name) {
                if (NOT_BUILTINS.indexOf(name) < 0 && typeof Object.getOwnPropertyDescriptor(pair[1], name).value === 'function') {
                    slot(pair[1], name, pair[0] + '.' + name);
                }
            });
        });
    }
    // What ``key``'s code is to see in slot ``i``: its replacement, else the browser's (``key`` null: the page's own).
    function builtinOf(key, i) {
        var own = key !== null && builtins.replaced[key];
        return own && i in own ? own[i] : builtins.pristine[i];
    }
    // The built-ins of ``key`` (a plugin, or null for the page's own) put in place, after noting what the code that
    // ran with the ones in place changed meanwhile. Returns whose were in place, to put them back. Nothing here may
    // use a built-in a plugin could have replaced: plain loops and reads only.
    // ``pageRan``: only the page's own code ran since the last call, which replaces none: nothing to look for. (Why
    // the care: a plugin logging 100,000 lines has this run twice a line.)
    function builtinsFor(key, pageRan) {
        if (!builtins.taken) { return null; }
        var was = builtins.owner;
        var holders = builtins.holders, names = builtins.names, expected = builtins.expected;
        var n = expected.length, i;
        if (!pageRan) {
            var unmarked = null;  // (slots changed by code no frame marks: see noteUnmarked)
            for (i = 0; i < n; i++) {
                if (readBuiltin(i) === expected[i]) { continue; }
                if (was !== null) { noteReplaced(was, i, readBuiltin(i)); } else {
                    unmarked = unmarked || [];
                    unmarked[unmarked.length] = i;
                }
            }
            if (unmarked !== null) { noteUnmarked(unmarked); }
        }
        if (key !== was) {
            if (hasReplaced(was) || hasReplaced(key)) {
                for (i = 0; i < n; i++) {
                    expected[i] = builtinOf(key, i);
                    if (readBuiltin(i) !== expected[i]) { putBuiltin(i, expected[i]); }
                }
            }
            builtins.owner = key;
        }
        if (key === null && builtins.toSay.length) { sayReplaced(); }
        return was;
    }
    function hasReplaced(key) {
        var own = key !== null && builtins.replaced[key];
        if (!own) { return false; }
        for (var i in own) { return i !== undefined; }  // (any at all)
        return false;
    }
    // Slot ``i`` found changed to ``value`` after code of ``was`` ran (null: code the page did not mark, such as a
    // dialog's onclick or what runs after an await, by ``author``: see noteUnmarked).
    function noteReplaced(was, i, value, author) {
        var key = was !== null ? was : author;
        var own = builtins.replaced[key] || (builtins.replaced[key] = objectCreate(null));
        if (value === UNREADABLE) {  // (the browser's, for that plugin too: there is no value to give it back)
            builtins.toSay.push([key, i, 'back']);
            delete own[i];
        } else if (value === builtins.pristine[i]) { delete own[i]; } else {
            if (!(i in own)) { builtins.toSay.push([key, i]); }
            own[i] = value;
        }
        builtins.expected[i] = builtinOf(was, i);  // (for a change by unmarked code: the browser's, put back below)
        if (was === null || value === UNREADABLE) { putBuiltin(i, builtins.pristine[i]); }
    }
    // Slots changed by code the page did not mark: the browser's put back first (where it can be), so that the stack
    // is read with the browser's own String and RegExp to find whose code it was (see unmarkedAuthor).
    function noteUnmarked(slots) {
        var values = [], j;
        for (j = 0; j < slots.length; j++) {
            values[j] = readBuiltin(slots[j]);
            tryPut(slots[j], builtins.pristine[slots[j]]);
        }
        var author = unmarkedAuthor();
        for (j = 0; j < slots.length; j++) { noteReplaced(null, slots[j], values[j], author); }
    }
    // Whose code changed a built-in where no frame of the page marks it: the plugin whose file is on the stack (that
    // code calling the page's, a console.log after it), else the one whose code the page looks after (see lookLater),
    // else the plugin last active, else the only one whose code ran after its frame in the last task (pendingLater).
    // Why: a built-in replaced after an await (``await null; Object.keys = ...``) was said as "[?]".
    var NativeError = Error;
    var laterOwner = null;
    function unmarkedAuthor() {
        var at = null;
        try { at = locate(new NativeError().stack); } catch (e) { /* (a built-in it uses replaced and frozen) */ }
        if (at) { return at.plugin; }
        if (laterOwner !== null) { return laterOwner; }
        return PD.lastActive || dialogOwner || onlyLater() || '';
    }
    // The one plugin whose code ran in the last task that ran plugin code (and may have left code to run after it),
    // else null (none, or several: one plugin's load, then another's, in one task).
    function onlyLater() {
        var only = null;
        for (var j = 0; j < pendingLater.length; j++) {
            if (only !== null && pendingLater[j].plugin !== only) { return null; }
            only = pendingLater[j].plugin || null;
        }
        return only;
    }
    // The rest of a plugin's async function after an await runs in a microtask queued as its code ran, where no frame
    // marks it: a look at the built-ins queued as that code's frame ends runs straight after it, its changes then that
    // plugin's. LATER_LOOKS of them, one after the other, for the code after a few awaits in a row (each look queued
    // after the microtask the one before it ran after).
    var LATER_LOOKS = 3;
    var nativeQueueMicrotask = window.queueMicrotask;
    function lookLater(plugin, looks) {
        reflectApply(nativeQueueMicrotask, window, [function () {
            laterOwner = plugin;
            try { builtinsFor(null); } finally { laterOwner = null; }
            if (looks > 1) { lookLater(plugin, looks - 1); }
        }]);
    }
    // Each slot as it reads, or UNREADABLE: a plugin may have made it a getter that throws
    // (Object.defineProperty(Array.prototype, 'map', {get: ...})). Why: the page's look at it threw, and stopped.
    var UNREADABLE = {};
    function readBuiltin(i) {
        try { return builtins.holders[i][builtins.names[i]]; } catch (e) { return UNREADABLE; }
    }
    var defineProperty = Object.defineProperty;
    // ``value`` put in slot ``i``: written, else defined (a getter in its place), else, the plugin having frozen its
    // holder (Object.freeze(Array.prototype)), left for everyone, and said so. Why: the browser's could not be put
    // back, and each plugin running after it was said to have replaced it.
    function putBuiltin(i, value) {
        if (tryPut(i, value)) { return; }
        var now = readBuiltin(i);
        var by = PD.lastActive || '';
        for (var key in builtins.replaced) {
            if (i in builtins.replaced[key]) { by = by || key; if (builtins.replaced[key][i] === now) { by = key; } delete builtins.replaced[key][i]; }
        }
        builtins.pristine[i] = builtins.expected[i] = now;
        var toSay = [];  // (said once, as the replacement for all it is)
        for (var j = 0; j < builtins.toSay.length; j++) { if (builtins.toSay[j][1] !== i) { toSay[toSay.length] = builtins.toSay[j]; } }
        toSay[toSay.length] = [by, i, true];
        builtins.toSay = toSay;
    }
    // ``value`` written in slot ``i``, else defined; false when neither could (its holder frozen).
    function tryPut(i, value) {
        var holder = builtins.holders[i], name = builtins.names[i];
        try { holder[name] = value; } catch (e) { /* (see below) */ }
        if (readBuiltin(i) === value) { return true; }
        try { defineProperty(holder, name, { value: value, writable: true, configurable: true, enumerable: false }); } catch (e) { /* frozen */ }
        return readBuiltin(i) === value;
    }
    function sayReplaced() {
        var said = builtins.toSay;
        builtins.toSay = [];
        for (var i = 0; i < said.length; i++) {
            var plugin = said[i][0] && PD.plugins[said[i][0]];
            emit('warning', { plugin: said[i][0] || null, kind: 'builtin', file: plugin && plugin.cfg.source ? plugin.cfg.source.path : null,
                message: 'it replaced ' + builtins.words[said[i][1]] + ', which the app\u2019s own code and every plugin use: ' +
                    'in the app that can break the meeting for everyone; ' + (said[i][2] === 'back' ? 'a getter that throws, which ' +
                    'the preview puts back as the browser\u2019s, for this plugin too' : said[i][2] ? 'it also froze what holds it, so ' +
                    'the preview could not keep the browser\u2019s for the others: the meeting and every plugin here get the replacement too'
                    : 'the preview gives the replacement to this plugin only') });
        }
    }
    // Whether the page's own code is running (in pageSide or running's own work), not plugin code; and whether the
    // code calling the function pageSide runs now was (a .then the page's drawing asks for is not a plugin's: see
    // Promise.prototype.then, which carried it as the plugin's, to run with that plugin's built-ins).
    var inPage = false;
    var callerInPage = false;
    // A function of the page's that plugin code calls (the API, console, timers), run with the browser's built-ins.
    function pageSide(fn) {
        return function () {
            var outer = builtinsFor(null);
            var was = inPage;
            callerInPage = was;
            inPage = true;
            try {
                return reflectApply(fn, this, arguments);
            } finally {
                inPage = was;
                builtinsFor(outer, true);
            }
        };
    }
    PD.builtinsFor = builtinsFor;

    function safeText(value) {
        if (typeof value === 'string') { return value; }
        if (value instanceof Error) { return String(value); }
        if (typeof value === 'function') { return '[function ' + (value.name || 'anonymous') + ']'; }
        try {
            var seen = [];
            var text = JSON.stringify(value, function (k, v) {
                if (v && typeof v === 'object') {
                    if (seen.indexOf(v) >= 0) { return '[circular]'; }
                    seen.push(v);
                }
                return v;
            });
            return text === undefined ? String(value) : text;
        } catch (e) {
            return String(value);
        }
    }
    PD.safeText = safeText;

    // Each text the page tells the designer, at most (a console line's or an error message's cut, see cutShort,
    // is shorter). Why: a request to a path of 300,000 characters (the plugin's data put in it) held the
    // designer's window for half a minute while its log laid out the one line.
    var SAID_CHARS = 4000;
    function emit(type, data) {
        data = data || {};
        data.type = type;
        if ((type === 'warning' || type === 'note' || type === 'request' || type === 'dialog') && !data.count && heldAsRepeat(type, data)) {
            if (type === 'request') { tell(data); }  // (the page's own drawing counts each: the refusal card's ×N)
            return;
        }
        var fields = Object.keys(data);
        for (var i = 0; i < fields.length; i++) {  // (no forEach: a plugin may have replaced it, see PD.cycle)
            if (typeof data[fields[i]] === 'string' && data[fields[i]].length > SAID_CHARS) { data[fields[i]] = cutShort(data[fields[i]], SAID_CHARS); }
        }
        try { realDebug('__PD__ ' + JSON.stringify(data)); } catch (e) { realDebug('__PD__ ' + JSON.stringify({ type: type })); }
        tell(data);
    }
    PD.emit = emit;
    // ``data`` for the page's own drawing only (preview-ui.js), not for the designer.
    function tell(data) {
        for (var i = 0; i < PD.listeners.length; i++) {
            try { PD.listeners[i](data); } catch (e) { /* the page's own UI */ }
        }
    }

    // Where in the plugins' sources a stack points: the first frame in a known plugin file.
    // A line longer than FRAME_CHARS is no frame (an error's message, its first line): skipped, as
    // the search through one line takes time with the square of its length (300,000 characters: seconds).
    var FRAME_CHARS = 2000;
    function locate(stack) {
        var lines = String(stack || '').split('\n');
        for (var i = 0; i < lines.length; i++) {
            if (lines[i].length > FRAME_CHARS) { continue; }
            var re = /([^\s()@]+?):(\d+):(\d+)/g;
            var m;
            while ((m = re.exec(lines[i])) !== null) {
                if (Object.prototype.hasOwnProperty.call(PD.byPath, m[1])) {
                    return { plugin: PD.byPath[m[1]], file: m[1], line: Number(m[2]), column: Number(m[3]) };
                }
            }
        }
        return null;
    }
    PD.locate = locate;

    // ``text`` cut at ``most`` characters, saying how long it was. Why: a message of megabytes (a whole
    // response, 'x'.repeat(300000)) went whole to the designer, and was laid out whole in its log.
    function cutShort(text, most) {
        text = String(text);
        return text.length > most ? text.slice(0, most) + '\u2026 (' + text.length.toLocaleString('en-US') + ' characters in all)' : text;
    }
    PD.cutShort = cutShort;
    // An error's stack as the page keeps it: each line cut short, and no more than STACK_LINES of them
    // (Error.stackTraceLimit raised, a recursion's thousands of frames).
    var STACK_LINES = 100;
    function shortStack(stack) {
        var lines = String(stack).split('\n', STACK_LINES + 1);
        var more = lines.length > STACK_LINES ? '\n    \u2026' : '';
        return lines.slice(0, STACK_LINES).map(function (line) { return cutShort(line, FRAME_CHARS); }).join('\n') + more;
    }

    // What a browser's error message means, in plain words before it (the designer's
    // preview.PLAIN_ERRORS): "TypeError: Cannot read properties of undefined (reading 'name')" is
    // words for JavaScript developers, whom the designer's users are not.
    var plainErrors = ((cfg && cfg.plainErrors) || []).map(function (p) { return [new RegExp('^(?:' + p[0] + ')$'), p[1]]; });
    function plainly(message) {
        for (var i = 0; i < plainErrors.length; i++) {
            var m = plainErrors[i][0].exec(message);
            if (m) {
                return plainErrors[i][1].replace(/\{(\d)\}/g, function (_all, n) { return m[Number(n) + 1]; });
            }
        }
        return null;
    }

    var ERROR_CHARS = 2000;  // an error's message, at most (see cutShort)
    var errorsKept = {};  // each error kept in PD.errors, by its plugin, message and place (see reportError)
    // An error's message saying that something of PEX is not there (PEX undefined: "reading 'pluginAPI'").
    var PEX_GONE = /\bPEX\b|reading '(?:pluginAPI|actions\$?|conferenceQueryParams)'/;
    // Or, pluginAPI deleted, one of its functions read of nothing ("reading 'openTemplateDialog'").
    function pexGone(message) {
        var reading = /reading '([\w$]+)'/.exec(message);
        return PEX_GONE.test(message) || Boolean(reading && PD.pexReplaced && PD.pexReplaced.what === 'window.PEX.pluginAPI' &&
            Object.prototype.hasOwnProperty.call(pluginAPI, reading[1]));
    }
    // ``place``: where in the plugin's file the error is, when its stack does not say ({file, line}).
    function reportError(kind, error, fallbackPlugin, where, place) {
        var isError = error && typeof error === 'object' && typeof error.message === 'string';
        var message = isError ? (error.name ? error.name + ': ' : '') + error.message : 'Uncaught ' + safeText(error);
        message = cutShort(message, ERROR_CHARS);
        // A function of PEX.pluginAPI the app does not have, said so (Chromium says "... is not a function").
        var missing = isError && /^(?:window\.)?PEX\.pluginAPI\.([A-Za-z_$][\w$]*) is not a function$/.exec(error.message);
        if (missing && !(missing[1] in pluginAPI)) {
            message = 'PEX.pluginAPI.' + missing[1] + ' does not exist: the app has no such function (' + message + ')';
        }
        // What the app gave is gone, a plugin having replaced PEX (see window.PEX): said first, naming that plugin.
        var replaced = PD.pexReplaced && isError && pexGone(error.message) ? PD.pexReplaced : null;
        var replacer = replaced && PD.plugins[replaced.plugin];
        var stack = error && error.stack ? String(error.stack) : '';
        var at = locate(stack) || place || {};
        stack = shortStack(stack);
        var entry = {
            kind: kind,
            plugin: at.plugin || fallbackPlugin || PD.lastActive,
            message: message,
            // (the message stays the browser's: what a search needs)
            plain: replaced ? (replacer ? replacer.cfg.name : 'A plugin') + ' ' + (replaced.how || 'replaced') + ' ' + replaced.what +
                (replaced.file ? ' (' + replaced.file + ' line ' + replaced.line + ')' : '') +
                ': the app\u2019s functions are no longer there, for any plugin.' : missing ? null : plainly(message),
            file: at.file || null,
            line: at.line || null,
            column: at.column || null,
            where: where || null,
            stack: stack
        };
        // A thrown string or number has no stack: its plugin's file, at least, to open (no file read as "(, PD800)").
        var owner = entry.plugin && PD.plugins[entry.plugin];
        if (!entry.file && owner && owner.cfg.source) { entry.file = owner.cfg.source.path; }
        // Who would get the Oops page: the users the app loads this plugin for ("every host").
        entry.audience = entry.plugin && PD.plugins[entry.plugin] ? PD.plugins[entry.plugin].cfg.audience || null : null;
        if (entry.plugin && PD.plugins[entry.plugin]) { PD.plugins[entry.plugin].failed = true; }
        // The same error again (a timer throwing every few milliseconds) counted on the one kept, until the card is
        // dismissed. Why: the crash card, drawn at each error, went through every one so far, slower each time.
        var same = [entry.plugin, entry.message, entry.file, entry.line, entry.where].join('\u0000');
        var kept = Object.prototype.hasOwnProperty.call(errorsKept, same) ? errorsKept[same] : null;
        if (kept && !kept.dismissed) {
            kept.times = (kept.times || 1) + 1;
            holdRepeat('error\u0000' + same, 'error', kept, kept.times);
            return;
        }
        // Past PLACE_MOST messages from one place (a counter or a time in each), counted on the last one kept there.
        // Why: a timer throwing 'tick 1', 'tick 2', ... made each a new error, a new problem and a new row of the
        // crash card, the page and the designer slower at each (17 errors a second where the timer threw 250).
        var place = [entry.plugin, entry.file, entry.line, entry.column, entry.where].join('\u0000');
        var there = Object.prototype.hasOwnProperty.call(placesKept, place) ? placesKept[place] : null;
        if (there && there.entry.dismissed) { there = null; }
        if (there && there.messages >= PLACE_MOST && entry.line) {  // (a thrown string has no place to go by)
            there.entry.times = (there.entry.times || 1) + 1;
            there.entry.alike = (there.entry.alike || 0) + 1;
            holdRepeat('error\u0000' + there.key, 'error', there.entry, there.entry.times);
            return;
        }
        placesKept[place] = { entry: entry, key: same, messages: (there ? there.messages : 0) + 1 };
        errorsKept[same] = entry;
        PD.errors.push(entry);
        emit('error', entry);
    }
    PD.reportError = reportError;
    var PLACE_MOST = 10;  // errors of different messages kept from one place, at most (see reportError)
    var placesKept = {};  // by plugin, file, line, column and step: {entry: the last kept, key, messages}

    // The repeats of an error, a warning or a note not yet said to the designer, by their key: {type, data, count,
    // times}. Said at most once in REPEAT_MS, as one event with ``count`` (how many it stands for) and ``times`` (how
    // many so far). Why: a timer throwing every few milliseconds sent each error across, some 180 a second, each a
    // log line, keeping the designer's window busy and its log unreadable (and one replacing window.PEX, or fetching,
    // each of its warnings).
    var REPEAT_MS = 500;
    var repeatsHeld = {};
    var lastSaid = {};  // by key: when it was last said (clock())
    function holdRepeat(key, type, data, times) {
        var held = repeatsHeld[key];
        if (held) { held.count += 1; held.data = data; held.times = times; return; }
        repeatsHeld[key] = { type: type, data: data, count: 1, times: times };
        nativeSetTimeout.call(window, function () { sayRepeat(key); }, REPEAT_MS);
    }
    function sayRepeat(key) {
        var held = repeatsHeld[key];
        if (!held) { return; }
        delete repeatsHeld[key];
        lastSaid[key] = clock();
        emit(held.type, Object.assign({}, held.data, { count: held.count, times: held.times }));
    }
    // A warning, note or request said again within REPEAT_MS of the last time (or while its repeats are held): held
    // (true). Said again later, it goes at once as the repeat it is (``count`` 1, ``times``): the log adds it to its line.
    // Why requests too: a plugin calling sendRequest in a timer every few milliseconds had each on a line of its own
    // (and dialogs: one opening its dialog in a timer, or at each change of the meeting).
    var noted = {};  // how many times each was said, by key
    var notedKeys = 0;
    var NOTED_MOST = 20000;  // keys remembered, at most: a request whose payload differs each time ('tick 1', 'tick 2',
    // ...) made a key each, for ever. Past it, what was said is forgotten (counts start again), what is held is kept.
    function heldAsRepeat(type, data) {
        var key = [type, data.plugin || ''].concat(type === 'request' ? requestSaid(data) : [data.message || data.text || data.title || '']).join('\u0000');
        if (!noted[key] && ++notedKeys > NOTED_MOST) {
            noted = {};
            lastSaid = {};
            requestPlaces = {};
            notedKeys = 1;
        }
        if (type === 'request' && heldAsAlike(key, data)) { return true; }
        noted[key] = (noted[key] || 0) + 1;
        if (repeatsHeld[key] || clock() - (lastSaid[key] || -Infinity) < REPEAT_MS) {
            holdRepeat(key, type, data, noted[key]);
            return true;
        }
        lastSaid[key] = clock();
        if (noted[key] > 1) { data.count = 1; data.times = noted[key]; }
        return false;
    }
    // Past PLACE_MOST different requests from one line of a plugin (a chat message 'msg 1', 'msg 2', ... in a loop),
    // the others counted on the last one said from there, as ``alike``. Why: each was a line of its own, the log
    // thousands of them, where a plugin sending the same one again and again had one line counting them.
    var requestPlaces = {};  // by plugin, request, answer and line: {key, data: the last said there, kinds: how many}
    function heldAsAlike(key, data) {
        var place = [data.plugin || '', data.kind, data.ok, data.file || '', data.line || ''].join('\u0000');
        var there = Object.prototype.hasOwnProperty.call(requestPlaces, place) ? requestPlaces[place] : null;
        if (noted[key] || !data.line) { return false; }  // (said before: a repeat as it is; no line: no place to go by)
        if (!there || there.kinds < PLACE_MOST) {
            requestPlaces[place] = { key: key, data: Object.assign({}, data), kinds: (there ? there.kinds : 0) + 1, alike: 0 };
            return false;
        }
        there.alike += 1;
        noted[there.key] = (noted[there.key] || 0) + 1;
        holdRepeat(there.key, 'request', Object.assign({}, there.data, { alike: there.alike }), noted[there.key]);
        return true;
    }
    // What makes two requests the same line of the log: what was asked, the answer and where.
    function requestSaid(entry) {
        return [entry.kind, entry.path, safeText(entry.payload), entry.status, entry.error || '', entry.file || '', entry.line || ''];
    }
    // Every repeat held, said now (before the end of a Test every button, whose counts must be whole).
    PD.sayRepeats = function () { Object.keys(repeatsHeld).forEach(sayRepeat); };

    window.addEventListener('error', function (event) {
        var error = event.error;
        // A syntax error in a plugin's file is raised by the appendChild that injected it: its
        // stack points here, while the event knows the plugin's file and line.
        var syntax = error && error.name === 'SyntaxError' && event.filename && event.lineno;
        if (!error || !error.stack || syntax) {
            var message = String(event.message || (error && error.message) || 'error')
                .replace(/^Uncaught /, '')
                .replace(/Failed to execute '[^']*' on '[^']*': /, '');
            // Its line and column count in the injected file, whose name the event does not give.
            var injecting = syntax && PD.lastActive && PD.plugins[PD.lastActive];
            var file = injecting ? injecting.cfg.source.path : event.filename;
            error = { name: '', message: message, stack: 'at ' + file + ':' + event.lineno + ':' + event.colno };
        }
        // (An onclick in a plugin's dialog runs from no plugin file: the dialog's plugin, see dialogOwner.)
        reportError('exception', error, dialogOwner, null);
    });
    window.addEventListener('unhandledrejection', function (event) {
        // A request the meeting refused or failed (see failure) that the plugin did not catch: the
        // server's answer, not an exception thrown in plugin code, so no Oops page. The log has
        // said it already, as the request it was (a guest's: "Refused for guests: /lock ...").
        if (event.reason && event.reason.pdRequest) { event.preventDefault(); return; }
        // A fetch the preview stopped (it sends nothing), not caught: a failure of the preview's making,
        // said as a warning. Why: a plugin fetching from its server without a .catch was "a crash" that
        // failed simulate and blocked the export, though in the meeting the request would have gone.
        var stopped = event.reason && event.reason.pdStopped;
        if (stopped) {
            event.preventDefault();
            var place = stopped.file ? ' \u2014 ' + stopped.file + ' line ' + stopped.line : '';
            emit('warning', { plugin: stopped.plugin || PD.lastActive, kind: 'stopped-uncaught', file: stopped.file, line: stopped.line,
                message: 'its request to ' + stopped.url + ' failed here (the preview sends nothing), and nothing catches ' +
                    'that failure: where it fails in the meeting too (offline, the deployment\u2019s CSP), it is an uncaught error' + place });
            return;
        }
        // (A reason with no stack, such as a string thrown after an await, names no file: the plugin whose code ran
        // just before is taken for its author. Why: it was said as a crash of no plugin, "error: Uncaught boom".)
        reportError('rejection', event.reason, onlyLater(), 'promise');
    });

    // Plugin code about to run ('busy': which plugin, doing what) and done ('idle', or 'busy' again
    // for the plugin code that called it): code that never returns keeps the page from saying
    // anything more, so the designer learns from the last 'busy' which plugin froze it.
    // What plugin code leaves to run straight after it (a .then callback, the rest of an async
    // function after an await: the page's microtasks) runs before the next task, where no frame
    // marks it: the plugin counts as busy ('later') until that next task says 'idle'. An endless
    // loop there is then named as the others are, not left as a page that "did not answer".
    var runningStack = [];
    var dialogOwner = null;  // the plugin whose dialog the user is using, for the task that handles it
    var idleTicket = 0;
    var idleChannel = new MessageChannel();
    idleChannel.port1.onmessage = function (event) {
        if (event.data === idleTicket && !runningStack.length) { tellIdle(); }
    };
    // What the designer was last told ('busy': the info; null: 'idle'). Once BUSY_CALM tasks in a half second ran
    // plugin code (a flood: each timer's tick, each event is one), code the designer counts as maybe running
    // (``saidRuns``) goes unsaid when it runs again, and so does 'idle', said at the end of the half second if the
    // page is idle then. Why: a plugin's timer every few milliseconds had the page say 'busy', 'busy' (later) and
    // 'idle' at each tick, some 750 messages a second for the designer to handle; plugins taking turns (a timer
    // locking and unlocking, the others' subscriptions told of each change) still sent some 470 a second.
    // What the designer is told, so that a freeze names no plugin wrongly (see busy_after in preview.py): code
    // with no plugin code under it, and what plugin code leaves to run after it (``how`` 'after', see running), is
    // said as it is, the one running now (``also``: what may run unsaid later in this task: what other code left
    // to run after it, the code just ended); in a flood, code called by plugin code (a subscription told of a
    // change it made) is said ``turns``: one of those said may be running. The code run after an await is told
    // apart from the code that started it (``later``): a freeze there lost its words in a flood.
    // (None spared, ``exactBusy``, after plugins taking turns froze the meeting: the designer then needs each to name
    // the one at fault, should it freeze it again, see PreviewPane._froze.)
    var BUSY_CALM = cfg && cfg.exactBusy ? Infinity : 1;
    var told = null;
    var busyWindow = { start: -Infinity, tasks: 0, flushing: false };
    var saidRuns = {};  // by runKey: the code the designer counts as maybe running
    var pendingLater = [];  // what plugin code left to run after it in this task ('later')
    var pageIdle = true;
    var inTask = false;
    var taskChannel = new MessageChannel();
    taskChannel.port1.onmessage = function () { inTask = false; };
    PD.busyWindowMs = REPEAT_MS;  // (a test makes it endless: the counts then go by what the plugins did, not by time)
    function flooded() {
        var now = clock();
        if (now - busyWindow.start >= PD.busyWindowMs) { busyWindow.start = now; busyWindow.tasks = 0; }
        return busyWindow.tasks >= BUSY_CALM;
    }
    // True for the first plugin code of a task (a timer's tick, an event): what earlier tasks left to run after them
    // has run. (The flag goes down in a task of its own, after this one's code and what it left has run.)
    function newTask() {
        if (inTask) { return false; }
        inTask = true;
        taskChannel.port2.postMessage(0);
        return true;
    }
    var RUN_FIELDS = ['plugin', 'step', 'where', 'action', 'label', 'title', 'later'];
    function runKey(info) {
        var key = '';
        for (var i = 0; i < RUN_FIELDS.length; i++) { key += '\u0000' + String(info[RUN_FIELDS[i]] || ''); }
        return key;
    }
    // ``how``: 'first' (no plugin code under it), 'nested' (called by plugin code, back in it, or left to run by it) or
    // 'after' (see busyThisTask).
    function tellBusy(info, how) {
        pageIdle = false;
        var flood = flooded();
        var fresh = newTask();
        if (fresh) {
            pendingLater = [];
            busyWindow.tasks += 1;
        }
        var key = runKey(info);
        if (how === 'after' && !pendingLater.some(function (other) { return runKey(other) === key; })) { pendingLater.push(info); }
        if (flood && saidRuns[key]) { return; }
        var exact = !flood || fresh || how !== 'nested';
        var also = [];
        if (exact) {
            // (not its own later: said when it returns, so that until then the designer takes it as the one running)
            var own = how === 'after' ? key : runKey(Object.assign({}, info, { later: true }));
            also = pendingLater.filter(function (other) { return runKey(other) !== key && runKey(other) !== own; });
            if (how === 'after') { also.push(Object.assign({}, info, { later: false })); }
            saidRuns = {};
            saidRuns[key] = true;
            for (var i = 0; i < also.length; i++) { saidRuns[runKey(also[i])] = true; }
        } else {
            saidRuns[key] = true;
        }
        told = info;
        emit('busy', Object.assign({}, info, exact ? also.length ? { also: also } : {} : { turns: true }));
    }
    function tellIdle() {
        pageIdle = true;
        if (told === null) { return; }
        if (!flooded()) {
            told = null;
            saidRuns = {};
            emit('idle', {});
        } else if (!busyWindow.flushing) {
            busyWindow.flushing = true;
            nativeSetTimeout.call(window, function () {
                busyWindow.flushing = false;
                if (pageIdle) { tellIdle(); }
            }, Math.max(0, busyWindow.start + PD.busyWindowMs - clock()));
        }
    }
    // Plugin code that kept the page this long (and so the meeting: nothing else runs meanwhile)
    // is said to be slow, with how long it took: it did finish, it is no endless loop.
    var SLOW_MS = 1000;
    var meeting = document.getElementById('pd-app') || document.body;  // (see running: who took it out of the page)
    // The meeting in the page, each of its parts in its place (PD.pageParts, from preview-ui.js: [element, its parent,
    // or null for one of the page's own, anywhere in it]).
    function meetingWhole() {
        return meeting.isConnected && (PD.pageParts || []).every(function (part) {
            return part[1] ? part[0].parentNode === part[1] : part[0].isConnected;
        });
    }
    function running(info, run) {
        var outer = builtinsFor(null);  // (the page's own code here: the browser's built-ins, see builtinsFor)
        var wasInPage = inPage;
        inPage = true;
        runningStack.push(info);
        idleTicket += 1;
        tellBusy(info, runningStack.length === 1 && !info.later ? 'first' : 'nested');  // (a .then callback: one of those left to run)
        var began = clock();
        var meetingIn = meetingWhole();
        try {
            builtinsFor(info.plugin || outer, true);
            inPage = false;
            return run();
        } finally {
            inPage = true;
            builtinsFor(null);
            runningStack.pop();
            noticeDeleted(info);
            // The plugin whose code took the meeting out of the page, for preview-ui.js to name as it puts it back:
            // not one whose code that code called after (a plugin told of the meeting's change it made).
            if (meetingIn && !meetingWhole() && !PD.emptiedBy) { PD.emptiedBy = info.plugin || null; }
            var took = clock() - began;
            // Only the outermost frame's time: the plugin code it called is in it.
            if (took >= SLOW_MS && !runningStack.length) { emit('slow', Object.assign({}, info, { took: Math.round(took) })); }
            if (runningStack.length) {
                tellBusy(runningStack[runningStack.length - 1], 'nested');
            } else {
                busyThisTask(Object.assign({}, info, { later: true }));
                if (info.plugin) { lookLater(info.plugin, LATER_LOOKS); }
            }
            builtinsFor(outer, true);
            inPage = wasInPage;
        }
    }
    PD.running = running;
    // Plugin code about to run in this task with no frame of ours around it (a dialog's own
    // handlers), or left to run after the outermost frame (see running): busy until the next task says 'idle'.
    function busyThisTask(info) {
        if (runningStack.length) { return; }  // run from plugin code already marked
        tellBusy(info, info.later ? 'after' : 'first');
        idleChannel.port2.postMessage(++idleTicket);
    }

    // A .then (.catch, .finally) callback a plugin gave runs marked as the code that set it was
    // ('later'), or as the plugin's own promise callback: a promise settled by another task (a
    // request, a timer) runs its callbacks where no frame of the plugin's is.
    var nativeThen = Promise.prototype.then;
    function carried(fn, info) {
        if (typeof fn !== 'function' || !info) { return fn; }
        return function () {
            var self = this, given = arguments;
            return running(info, function () { return reflectApply(fn, self, given); });
        };
    }
    Promise.prototype.then = function (onFulfilled, onRejected) {
        var byPlugin = !callerInPage;  // (the page's own, asked while plugin code runs under it, is not the plugin's)
        var top = byPlugin && runningStack.length ? runningStack[runningStack.length - 1] : null;
        var info = top ? Object.assign({}, top, { later: true }) : null;
        if (!info && byPlugin && (typeof onFulfilled === 'function' || typeof onRejected === 'function')) {
            var key = caller();
            if (key && PD.plugins[key]) { info = { plugin: key, step: 'promise' }; }
        }
        return nativeThen.call(this, carried(onFulfilled, info), carried(onRejected, info));
    };
    // What plugin code calls, run with the browser's built-ins (see pageSide): a plugin's replacements are its own.
    Promise.prototype.then = pageSide(Promise.prototype.then);

    // Calls plugin code the way the app does; a throw here is what brings up the Oops page.
    // ``info``: what the designer says the plugin was doing should it never return (see running).
    function guard(key, where, fn, self, args, info) {
        var previous = PD.lastActive;
        PD.lastActive = key || previous;
        try {
            return running(info || { plugin: key || null, step: 'callback', where: where || null }, function () {
                return reflectApply(fn, self, args || []);
            });
        } catch (error) {
            // Out of stack (a plugin calling itself without end), the report may run out of it too: the plugin's
            // error goes on up, to be said by a frame with room. Why: the report's own failure was said instead
            // ("SyntaxError: Invalid regular expression: … Stack overflow").
            try { reportError('exception', error, key, where); } catch (failed) { throw error; }
            return undefined;
        } finally {
            PD.lastActive = previous;
        }
    }
    PD.guard = guard;

    // An alert(), confirm() or prompt() while the plugins start again after an edit of their code is said in the
    // log, not shown: modal, it came up after every pause in the typing of the source (see
    // PreviewPane._reload_after_edit). A question so left unasked is answered as Cancel would answer it.
    [['alert', undefined, ''], ['confirm', false, ' (answered as Cancel)'], ['prompt', null, ' (answered as Cancel)']]
        .forEach(function (quiet) {
            var name = quiet[0], real = window[name];
            window[name] = function (message) {
                if (cfg && cfg.quietAlerts && !PD.started) {
                    emit('note', { plugin: PD.lastActive, text: name + ' \u201c' + safeText(message) + '\u201d not shown' +
                        quiet[2] + ': the plugins restarted after an edit (Restart plugins shows it)' });
                    return quiet[1];
                }
                return real.apply(window, arguments);
            };
            window[name] = pageSide(window[name]);
        });

    // A plugin logging without pause (a loop of 100,000 lines, a timer every millisecond) has its
    // first CONSOLE_BURST lines of each second said; the others are counted, and said in one line.
    // Why: every line goes on to the designer's log. 100,000 of them kept the page busy for over
    // five seconds (the plugin was called frozen and left off, though the app runs that loop in a
    // blink), and the designer's window for half a minute more writing them.
    var CONSOLE_BURST = 500;
    var CONSOLE_CHARS = 2000;  // a console line's length in the log, at most (see the console hook)
    var realSetTimeout = window.setTimeout.bind(window);  // (not counted as a plugin's timer: see setTimeout below)
    var consoleSecond = { start: -Infinity, said: 0, left: {}, sayLater: false };
    function sayLeftOut() {
        var left = consoleSecond.left;
        consoleSecond.left = {};
        consoleSecond.sayLater = false;
        Object.keys(left).forEach(function (key) {
            var n = left[key];
            // (A warning, so that simulate says it too: in the app, a log that busy slows the meeting down as well.)
            emit('warning', { plugin: key || null, kind: 'console-flood', message: n + (n === 1 ? ' more console line' : ' more console lines') +
                ' left out: more than ' + CONSOLE_BURST + ' a second, only the first ' + CONSOLE_BURST + ' of each second are shown' });
        });
    }
    PD.sayLeftOut = sayLeftOut;
    function consoleHasRoom() {
        var now = clock();
        if (now - consoleSecond.start >= 1000) { consoleSecond.start = now; consoleSecond.said = 0; }
        if (++consoleSecond.said <= CONSOLE_BURST) { return true; }
        // Counted for the plugin running (no stack read: that is what made each line slow).
        var top = runningStack.length ? runningStack[runningStack.length - 1].plugin : null;
        var key = top || PD.lastActive || dialogOwner || '';
        consoleSecond.left[key] = (consoleSecond.left[key] || 0) + 1;
        if (!consoleSecond.sayLater) { consoleSecond.sayLater = true; realSetTimeout(sayLeftOut, 1000); }
        return false;
    }

    // console.* from plugin code, attributed to the plugin whose file is on the stack.
    CONSOLE_LEVELS.forEach(function (level) {
        var logged = function () {
            var at = locate(new Error().stack) || {};
            var text = Array.prototype.map.call(arguments, safeText).join(' ');
            // A line of megabytes (a whole response, a data URL) cut short: laid out whole, one held the
            // designer's window for minutes.
            text = cutShort(text, CONSOLE_CHARS);
            emit('console', { plugin: at.plugin || PD.lastActive || dialogOwner, level: level, text: text, file: at.file || null, line: at.line || null });
        };
        // (a line left out costs no look at the built-ins, see builtinsFor: 100,000 of them in a loop would be slow)
        logged = pageSide(logged);
        console[level] = function () { return consoleHasRoom() ? reflectApply(logged, this, arguments) : undefined; };
    });

    // Observables: subscribe(fn | {next}) -> {unsubscribe}; "current value on subscribe" when set.
    function Subject(initial, hasValue, name) {
        this._subs = [];
        this._value = initial;
        this._has = Boolean(hasValue);
        this._name = name || 'observable';
    }
    Subject.prototype.subscribe = function (observer) {
        var fn = typeof observer === 'function' ? observer : observer && typeof observer.next === 'function' ? observer.next.bind(observer) : null;
        var at = locate(new Error().stack);
        var sub = { fn: fn, closed: false, owner: at ? at.plugin : PD.lastActive, subject: this };
        var subject = this;
        var handle = {
            closed: false,
            unsubscribe: pageSide(function () {
                handle.closed = sub.closed = true;
                var i = subject._subs.indexOf(sub);
                if (i >= 0) { subject._subs.splice(i, 1); }
            })
        };
        if (fn) {
            this._subs.push(sub);
            if (sub.owner && PD.plugins[sub.owner]) { PD.plugins[sub.owner].subs.push(sub); }
            if (this._has) { guard(sub.owner, this._name, fn, null, [this._value]); }
        }
        return handle;
    };
    // (Plain loops, no pageSide: a plugin setting its state$ 100,000 times in a loop; a plugin's replaced built-ins
    // here, its own next, are no matter: each subscriber runs with its own, see running.)
    Subject.prototype.next = function (value) {
        this._value = value;
        this._has = true;
        var subs = [];
        for (var i = 0; i < this._subs.length; i++) { subs[i] = this._subs[i]; }
        for (var j = 0; j < subs.length; j++) {
            var sub = subs[j];
            if (sub.own) { sub.fn(value); } else if (!sub.closed) { guard(sub.owner, this._name, sub.fn, null, [value]); }
        }
    };
    Subject.prototype.subscribe = pageSide(Subject.prototype.subscribe);
    // The app's own listener (the preview's drawing of a plugin's state$): not plugin code, so run as
    // it is, neither marked as the plugin's nor timed, and told to the designer by no message. Why: a
    // plugin setting its state$ 100,000 times in a loop held the page for seconds with those messages,
    // and the plugin was said to freeze the meeting for them.
    Subject.prototype.watch = function (fn) {
        this._subs.push({ fn: fn, closed: false, own: true, subject: this });
        if (this._has) { fn(this._value); }
    };
    Subject.prototype.getValue = function () { return this._value; };
    Object.defineProperty(Subject.prototype, 'value', { get: function () { return this._value; } });
    Subject.prototype.asObservable = function () { return this; };
    Subject.prototype.pipe = function () {
        var ops = Array.prototype.slice.call(arguments);
        return ops.reduce(function (source, op) { return op(source); }, this);
    };
    function filtered(source, test, name) {
        return {
            subscribe: pageSide(function (observer) {
                var fn = typeof observer === 'function' ? observer : observer && observer.next && observer.next.bind(observer);
                return source.subscribe(function (value) { if (test(value) && fn) { fn(value); } });
            }),
            pipe: Subject.prototype.pipe,
            _name: name
        };
    }
    PD.Subject = Subject;

    function clone(value) { return JSON.parse(JSON.stringify(value)); }
    // A request's payload as the page keeps it and tells the designer: a copy, each text in it cut at PAYLOAD_TEXT
    // characters and each list at PAYLOAD_ITEMS items (saying how long they were), as a console line is cut. Why: a
    // plugin sending its data (megabytes) in a chat message, 20 a second, had each kept whole by the page and by the
    // designer's log, the memory of both growing by 30 MB a second.
    var PAYLOAD_TEXT = 200;
    var PAYLOAD_ITEMS = 100;
    function keptShort(payload) {
        if (payload === undefined) { return null; }
        return JSON.parse(JSON.stringify(payload, function (_key, value) {
            if (typeof value === 'string') { return cutShort(value, PAYLOAD_TEXT); }
            if (Array.isArray(value) && value.length > PAYLOAD_ITEMS) {
                return value.slice(0, PAYLOAD_ITEMS).concat(['\u2026 (' + value.length.toLocaleString('en-US') + ' items in all)']);
            }
            return value;
        }));
    }
    // canControl follows from who the participant is (the guide: "true when the participant is a
    // Host and it is a VMR or Virtual Auditorium service"), so a guest made host gets it.
    function withControl(p) {
        return Object.assign({}, p, { canControl: p.role === 'chair' && (p.serviceType === 'conference' || p.serviceType === 'lecture') });
    }
    var participants = clone(cfg.participants || []).map(withControl);
    var conference = clone(cfg.conference || {});
    // Out of the meeting already when the page starts (cfg.left: a fresh page after a crash or a freeze, see
    // preview_config): the call stays ended, as the user saw it, and you are kept for Rejoin (see PD.left below).
    var leftAtStart = null;
    (function () {
        var you = cfg.left ? participants.filter(function (p) { return p.uuid === cfg.you; })[0] : null;
        if (!you) { return; }
        leftAtStart = { you: clone(you), how: String(cfg.left.how || 'disconnected'), plugin: cfg.left.plugin || null };
        participants = participants.filter(function (x) { return x !== you; });
    })();
    var participants$ = new Subject(participants, true, 'participants$');
    var conferenceDetails$ = new Subject(conference, true, 'conferenceDetails$');
    PD.participants$ = participants$;
    PD.conferenceDetails$ = conferenceDetails$;
    PD.participants = function () { return participants; };
    PD.conference = function () { return conference; };
    // The chat: its last CHAT_KEPT messages, and how many it had in all (PD.chatCount, the older ones left out of the
    // page). Why: a plugin sending a message every few milliseconds grew it without end, and the page slower with it.
    var CHAT_KEPT = 500;
    PD.chat = [];
    PD.chatCount = 0;
    function chatSaid(from, text) {
        PD.chat.push({ from: from, text: text });
        PD.chatCount += 1;
        if (PD.chat.length > CHAT_KEPT) { PD.chat.shift(); }
    }
    // The layout the meeting has (transformConferenceLayout): carried over a restart of the plugins, as the participants are.
    PD.layout = cfg.layout && typeof cfg.layout === 'object' ? clone(cfg.layout) : null;

    function publish() {
        participants = participants.map(withControl);
        conference = Object.assign({}, conference);
        participants$.next(participants);
        conferenceDetails$.next(conference);
        emit('mock-state', { conference: conference, participants: participants, layout: PD.layout, left: PD.left });
    }
    PD.publish = publish;

    function now() { return Math.floor(Date.now() / 1000); }
    function findParticipant(uuid) { return participants.filter(function (p) { return p.uuid === uuid; })[0]; }

    // You (the one previewing) out of the meeting: disconnected or moved by a plugin, or everyone disconnected.
    // Null while you are in it. Why: the mock took you out of the list and went on drawing the meeting around
    // you, its menus still working, where the app ends the call and offers to join again (see PD.sim.rejoin).
    // ``you``: your participant as you were, for rejoining; ``how``: 'disconnected', 'moved' or 'everyone'.
    PD.left = leftAtStart;
    function leaving(how) {
        var you = findParticipant(cfg.you);
        if (you && !PD.left) { PD.left = { you: clone(you), how: how, plugin: caller() || null }; }
    }
    var newUuid = 100;

    // The client REST API, answered the way Infinity would (and the mock state follows).
    function answer(path, payload) {
        var p = String(path || '').replace(/^\/+/, '');
        var conf = {
            lock: function () { conference.locked = true; },
            unlock: function () { conference.locked = false; },
            muteguests: function () { conference.guestsMuted = true; participants.forEach(function (x) { if (x.role === 'guest') { x.muted = true; } }); },
            unmuteguests: function () { conference.guestsMuted = false; },
            set_guests_can_unmute: function () { conference.guestsCanUnmute = Boolean(payload && payload.setting); },
            transform_layout: function () {
                var transforms = payload && (payload.transforms || payload);
                // A layout the conference does not have is refused, and the stage stays as it was
                // (PD513); the log says which, and the ones there are (request_said in the core).
                var asked = transforms && typeof transforms === 'object' && Object.prototype.hasOwnProperty.call(transforms, 'layout') ? transforms.layout : undefined;
                if (asked !== undefined && !(typeof asked === 'string' && Object.prototype.hasOwnProperty.call(cfg.layouts || {}, asked))) {
                    return { error: 'the layout \'' + safeText(asked) + '\' does not exist', status: 400, layout: safeText(asked) };
                }
                PD.layout = transforms;
            },
            message: function () { chatSaid('plugin', payload && payload.payload); },
            clearallbuzz: function () { participants.forEach(function (x) { x.buzzTime = 0; }); },
            disconnect: function () { leaving('everyone'); participants = []; conference.started = false; },
            start_conference: function () { conference.started = true; }
        };
        if (Object.prototype.hasOwnProperty.call(conf, p)) { return conf[p]() || true; }
        // ('/participants/mute', with no uuid at all, too: check's PD516.)
        var m = /^participants\/(?:([^/]*)\/)?([a-z_]+)$/.exec(p);
        var who = m ? findParticipant(m[1]) : null;
        if (m) {
            var ops = {
                mute: function () { who.muted = true; },
                unmute: function () { who.muted = false; },
                video_muted: function () { who.videoMuted = true; },
                video_unmuted: function () { who.videoMuted = false; },
                buzz: function () { who.buzzTime = now(); },
                clearbuzz: function () { who.buzzTime = 0; },
                spotlighton: function () { who.spotlight = now(); },
                spotlightoff: function () { who.spotlight = 0; },
                role: function () { if (payload && payload.role) { who.role = payload.role; } },
                dtmf: function () { who.lastDtmf = payload && payload.digits; },
                disconnect: function () {
                    if (who.uuid === cfg.you) { leaving('disconnected'); }
                    participants = participants.filter(function (x) { return x !== who; });
                },
                transfer: function () {
                    if (who.uuid === cfg.you) { leaving('moved'); }
                    participants = participants.filter(function (x) { return x !== who; });
                },
                overlaytext: function () { if (payload && typeof payload.text === 'string') { who.overlayText = payload.text; } },
                unlock: function () { if (who.serviceType === 'waiting_room') { who.serviceType = 'conference'; } },
                allowrxpresentation: function () { who.rxPresentation = true; },
                denyrxpresentation: function () { who.rxPresentation = false; }
            };
            // A request about someone who is not in the meeting fails (nothing changes), said in
            // check's words (PD516) when the plugin passed no uuid at all; Infinity's answer to a
            // uuid it does not know is not in the vendor guide, so the log marks that one as the
            // mock's (request_said in designer/core/preview.py words both; 'failure' says which).
            if (Object.prototype.hasOwnProperty.call(ops, m[2])) {
                if (!who) {
                    var none = m[1] === undefined || m[1] === '' || m[1] === 'undefined' || m[1] === 'null';
                    return { error: none ? 'no participant uuid' : 'no participant ' + m[1] + ' in the meeting', status: 404,
                        failure: none ? 'no-uuid' : 'not-in-meeting', request: m[2] };
                }
                ops[m[2]]();
                return true;
            }
        }
        // A request the client REST API does not have (check's PD515).
        return { error: 'unknown request ' + path, status: 404, failure: 'unknown' };
    }

    // What Infinity refuses a guest (403 Forbidden): the designer's one list, handed over in the
    // config (PD_CONFIG.hostOnly, from designer/core/hostonly.py), with the sentence to show.
    // Null when the request is allowed: always for a host; for a guest, anything not listed, and
    // the "others" requests (mute, raise a hand, ...) about themselves (PD_CONFIG.you).
    var rules = cfg.hostOnly || {};
    function listed(table, name) { return table && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : null; }
    function refusedBecause(kind, path) {
        if (PD.config.role === 'chair') { return null; }
        var p = String(path || '').replace(/^\/+/, '');
        var m = /^participants\/([^/]+)\/([a-z_]+)$/.exec(p);
        return listed(rules.api, kind) || listed(rules.conference, p) ||
            (m ? listed(rules.participant, m[2]) || (m[1] !== cfg.you ? listed(rules.others, m[2]) : null) : null);
    }
    PD.refusedBecause = refusedBecause;

    // The requests kept for the page (the guest's refused card, Test every button): the last REQUESTS_KEPT. Why: a
    // plugin asking in a timer grew the list without end (and each redraw walked all of it); the log has them counted.
    var REQUESTS_KEPT = 1000;
    function record(entry) {
        PD.requests.push(entry);
        if (PD.requests.length > 2 * REQUESTS_KEPT) { PD.requests.splice(0, PD.requests.length - REQUESTS_KEPT); }
        emit('request', entry);
        return entry;
    }

    // A direct call of the API (dialOut, sendChatMessage...), filed with its own name as the path:
    // refused when ``why`` (from refusedBecause) says so, else done.
    function recordCall(kind, key, payload, why) {
        return record(Object.assign({ plugin: key, kind: kind, path: kind, payload: keptShort(payload), ok: !why, status: why ? 403 : 200, error: why || null,
            refused: Boolean(why) }, askedAt()));
    }
    // Where in the plugin's file the request was made ({file, line}), for the log to name it.
    function askedAt() {
        var at = locate(new Error().stack);
        return at ? { file: at.file, line: at.line } : { file: null, line: null };
    }

    // One request: refused (a guest asking for a host's), answered (and the meeting follows), or failed.
    // The meeting told of a request only when it changed something (as Infinity's updates come only then). Why: each
    // answer told the plugins the details had changed, so a plugin sending a chat message on each change asked for the
    // next one itself, without end (a stack overflow said as its crash), where the app sends one per real change.
    function meetingNow() { return JSON.stringify([participants, conference, PD.layout, PD.left]); }
    function request(kind, key, path, payload) {
        var before = meetingNow();
        var why = refusedBecause(kind, path);
        var result = why ? { error: why, status: 403 } : answer(path, payload);
        var ok = result === true;
        var entry = record(Object.assign({ plugin: key, kind: kind, path: String(path), payload: keptShort(payload), ok: ok,
            status: ok ? 200 : result.status, error: ok ? null : result.error, refused: Boolean(why),
            unknownLayout: ok || result.layout === undefined ? null : result.layout, failure: ok ? null : result.failure || null,
            request: ok ? null : result.request || null }, askedAt()));
        if (ok && meetingNow() !== before) { publish(); }
        return entry;
    }

    // What a failed request's promise rejects with: an Error carrying Infinity's answer (status, reason).
    function failure(entry) {
        var what = entry.path === entry.kind ? entry.kind : entry.kind + ' ' + entry.path;  // dialOut, not "dialOut dialOut"
        var error = new Error(what + (entry.refused ? ' refused (403 Forbidden): ' : ' failed: ') + entry.error);
        error.status = entry.status;
        error.result = entry.error;
        error.pdRequest = true;  // the meeting's answer: uncaught, it is no crash (see 'unhandledrejection')
        return error;
    }
    // The functions that made a request resolve when it was done; one that failed rejects, as on
    // Infinity: refused to a guest, a layout the conference does not have, someone not in the
    // meeting (spotlightOnParticipant, disconnectParticipant with a uuid nobody has).
    function settled(entry, value) { return entry.ok ? Promise.resolve(value) : Promise.reject(failure(entry)); }

    function caller() { var at = locate(new Error().stack); return at ? at.plugin : PD.lastActive || dialogOwner; }

    // Who asked for each address on another server. The designer blocks such requests (they
    // never leave this computer) and asks PD.whoAsked which plugin made one, to name it: the
    // browser's request blocker sees only the address. Noted here, where the plugin's code is
    // still on the stack; a queue per address, so two plugins asking for the same one are each
    // named once (the last stays for repeats that are not noted, such as a retried image).
    var asked = {};
    var askedCount = 0;
    function addressOf(url) {
        try {
            var u = new URL(String(url), document.baseURI);
            if (!/^(https?|wss?|ftp):$/.test(u.protocol)) { return null; }
            u.hash = '';
            return u.href;
        } catch (e) {
            return null;
        }
    }
    function noteAsk(url) {
        var address = addressOf(url);
        var key = address === null ? null : caller();
        if (!key) { return; }
        if (!Object.prototype.hasOwnProperty.call(asked, address)) {
            if (++askedCount > 5000) { asked = {}; askedCount = 1; }
            asked[address] = [];
        }
        asked[address].push(key);
    }
    PD.whoAsked = function (url) {
        var address = addressOf(url);
        var queue = address !== null && Object.prototype.hasOwnProperty.call(asked, address) ? asked[address] : null;
        if (!queue || !queue.length) { return null; }
        return queue.length > 1 ? queue.shift() : queue[0];
    };
    var HTML_URL = /\b(?:src|href|data|poster|action)\s*=\s*["']?([^"'\s>]+)/gi;
    function noteHtml(html) {
        var text = String(html);
        if (text.indexOf('//') < 0) { return; }
        var m;
        HTML_URL.lastIndex = 0;
        while ((m = HTML_URL.exec(text)) !== null) { noteAsk(m[1]); }
    }
    (function hookRequests() {
        var nativeFetch = window.fetch;
        if (nativeFetch) {
            window.fetch = function (input) {
                var url = input && typeof input === 'object' && 'url' in input ? input.url : input;
                noteAsk(url);
                var at = locate(new Error().stack) || {};
                // A fetch failing for want of a network (a TypeError: the preview sends nothing) is marked
                // with where it was asked: uncaught, it is the preview's doing, no crash (see 'unhandledrejection').
                return nativeThen.call(nativeFetch.apply(this, arguments), undefined, function (error) {
                    if (error && error.name === 'TypeError') {
                        error.pdStopped = { url: addressOf(url) || String(url), plugin: at.plugin || null, file: at.file || null, line: at.line || null };
                    }
                    throw error;
                });
            };
        }
        // A window a plugin opens (a help page): said, as the preview opens none. Why: the button seemed to do nothing.
        var nativeWindowOpen = window.open;
        window.open = function (url) {
            var at = askedAt();
            var address = url === undefined || url === '' ? 'an empty page' : cutShort(String(url), 120);
            emit('note', { plugin: caller(), text: 'it opened ' + address + ' in a new window (window.open)' +
                (at.file ? ' \u2014 ' + at.file + ' line ' + at.line : '') + ': the app would show it; the preview opens no window' });
            return nativeWindowOpen.apply(window, arguments);
        };
        var nativeOpen = XMLHttpRequest.prototype.open;
        XMLHttpRequest.prototype.open = function (method, url) {
            noteAsk(url);
            return nativeOpen.apply(this, arguments);
        };
        // (run with the browser's built-ins, see pageSide; not the setters the page's own drawing uses at every turn)
        if (nativeFetch) { window.fetch = pageSide(window.fetch); }
        window.open = pageSide(window.open);
        XMLHttpRequest.prototype.open = pageSide(XMLHttpRequest.prototype.open);
        if (navigator.sendBeacon) {
            var nativeBeacon = navigator.sendBeacon;
            navigator.sendBeacon = function (url) {
                noteAsk(url);
                return nativeBeacon.apply(navigator, arguments);
            };
        }
        ['WebSocket', 'EventSource'].forEach(function (name) {
            var Native = window[name];
            if (!Native) { return; }
            var Noted = function (url) {
                if (!new.target) { return Native.apply(this, arguments); }  // the browser's own "use new" error
                noteAsk(url);
                return Reflect.construct(Native, arguments, new.target);
            };
            Noted.prototype = Native.prototype;
            Object.setPrototypeOf(Noted, Native);
            window[name] = Noted;
        });
        // A property whose setter is told the value first (note), then does what it did.
        function wrapSetter(proto, prop, note) {
            var desc = proto && Object.getOwnPropertyDescriptor(proto, prop);
            if (!desc || !desc.set) { return; }
            Object.defineProperty(proto, prop, {
                configurable: true,
                enumerable: desc.enumerable,
                get: desc.get,
                set: function (value) { note(value); desc.set.call(this, value); }
            });
        }
        // Elements that load what their src/href names: new Image().src = ..., setAttribute, innerHTML.
        [['HTMLImageElement', 'src'], ['HTMLScriptElement', 'src'], ['HTMLIFrameElement', 'src'],
            ['HTMLMediaElement', 'src'], ['HTMLSourceElement', 'src'], ['HTMLEmbedElement', 'src'],
            ['HTMLLinkElement', 'href'], ['HTMLObjectElement', 'data']].forEach(function (pair) {
            wrapSetter(window[pair[0]] && window[pair[0]].prototype, pair[1], noteAsk);
        });
        var nativeSetAttribute = Element.prototype.setAttribute;
        Element.prototype.setAttribute = function (name, value) {
            if (/^(src|href|data|poster)$/i.test(String(name))) { noteAsk(value); }
            return nativeSetAttribute.apply(this, arguments);
        };
        ['innerHTML', 'outerHTML'].forEach(function (prop) { wrapSetter(Element.prototype, prop, noteHtml); });
        var nativeAdjacent = Element.prototype.insertAdjacentHTML;
        Element.prototype.insertAdjacentHTML = function (where, html) {
            noteHtml(html);
            return nativeAdjacent.apply(this, arguments);
        };
    })();

    // While a dialog is open the meeting under it takes no clicks and no keyboard, as under a
    // modal dialog: Tab goes round the dialog's controls instead of the buttons it hides.
    // Several dialogs open at once: only the one on top takes the keyboard (the others wait under it).
    function meetingInert() {
        var app = document.getElementById('pd-app');
        if (app) { app.inert = PD.dialogs.length > 0; }
        PD.dialogs.forEach(function (d, i) { d.box.inert = i < PD.dialogs.length - 1; });
    }
    var dialogCount = 0;
    function renderDialog(key, options) {
        var close$ = new Subject(undefined, false, 'close$');
        var opener = designer.UI && designer.UI.focusKey ? designer.UI.focusKey(document.activeElement) : null;
        var layer = document.getElementById('pd-dialogs') || document.body;
        var box = document.createElement('div');
        box.className = 'pd-dialog-backdrop';
        var titleId = 'pd-dialog-title-' + (++dialogCount);  // its name for a screen reader: the title
        box.innerHTML = '<div class="pd-dialog" role="dialog" aria-modal="true" aria-labelledby="' + titleId + '">' +
            '<div class="pd-dialog-title" dir="auto" id="' + titleId + '"></div>' +
            '<button class="pd-dialog-x" title="Close" aria-label="Close">\u00d7</button><div class="pd-dialog-body"></div></div>';
        box.querySelector('.pd-dialog-title').textContent = (options && options.title) || '';
        box.querySelector('.pd-dialog-body').innerHTML = (options && options.body) || '';
        layer.appendChild(box);
        var ref = {
            close$: close$,
            box: box,
            closed: false,
            close: function (result) {
                if (ref.closed) { return; }
                ref.closed = true;
                if (box.parentNode) { box.parentNode.removeChild(box); }
                PD.dialogs = PD.dialogs.filter(function (d) { return d !== ref; });
                meetingInert();
                // The keyboard goes back to the item that opened the dialog (drawn anew meanwhile, maybe).
                if (!PD.dialogs.length && opener && designer.UI && designer.UI.focusByKey && !designer.UI.focusByKey(opener) && designer.UI.focusFallback) {
                    designer.UI.focusFallback(opener);  // that item is gone: somewhere near it, not the page's top
                }
                // Or to the dialog now on top (several open at once), not to the page under them.
                if (PD.dialogs.length) { PD.dialogs[PD.dialogs.length - 1].focus(); }
                emit('dialog-closed', { plugin: key, title: (options && options.title) || '' });
                close$.next(result);
            }
        };
        ref.focus = function () {
            var first = box.querySelector('.pd-dialog-body :is(input, select, textarea, button, [href], [tabindex]):not([disabled])') ||
                box.querySelector('.pd-dialog-x');
            first.focus();
        };
        box.querySelector('.pd-dialog-x').addEventListener('click', function () { ref.close(); });
        // The handlers a plugin puts on its dialog (onclick in the body, addEventListener in its
        // .then) run when the user uses it: marked as that plugin's, to name it should one loop.
        ['click', 'input', 'change', 'keydown', 'keyup', 'submit'].forEach(function (type) {
            box.addEventListener(type, function () {
                busyThisTask({ plugin: key, step: 'dialog', title: (options && options.title) || '' });
                // An onclick in the body (the guide's "Layout control") runs where no plugin file is
                // on the stack: what it calls or logs in this task is this dialog's plugin's.
                dialogOwner = key;
                nativeSetTimeout(function () { dialogOwner = null; }, 0);
            }, true);
        });
        PD.dialogs.push(ref);
        meetingInert();
        ref.focus();
        emit('dialog', { plugin: key, title: (options && options.title) || '', body: (options && options.body) || '' });
        return ref;
    }
    PD.closeDialogs = function () { PD.dialogs.slice().forEach(function (d) { d.close(); }); };
    // Escape closes the dialog on top, as the app's dialogs do: close$ fires as for its × button.
    // (Chromium lets the page have the key before anything else; an Escape a plugin's own
    // handler already used, preventDefault, is left to it.)
    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Escape' || event.defaultPrevented || !PD.dialogs.length) { return; }
        event.preventDefault();
        PD.dialogs[PD.dialogs.length - 1].close();
    });

    var actions = {};
    ['SEND_CHAT_MESSAGE', 'RECEIVE_CHAT_MESSAGE', 'SELECT_EVENT', 'PARTICIPANT_CONNECT_SUCCESS',
        'PARTICIPANT_DISCONNECT_SUCCESS'].forEach(function (name) { actions[name] = '[PEX] ' + name; });
    var actions$ = new Subject(undefined, false, 'actions$');
    actions$.ofType = function () {
        var types = Array.prototype.slice.call(arguments);
        return filtered(actions$, function (action) { return action && types.indexOf(action.type) >= 0; }, 'actions$');
    };
    PD.fireAction = function (name, payload) { actions$.next({ type: actions[name] || name, payload: payload }); };

    var pluginAPI = {
        registerPlugin: function (obj) {
            var key = PD.current || caller();
            var plugin = key && PD.plugins[key];
            if (!plugin) {
                emit('warning', { plugin: key, message: 'registerPlugin was called outside the plugin\'s own source file' });
                return;
            }
            if (!obj || typeof obj !== 'object') {
                throw new TypeError('registerPlugin needs an object with id, load and unload');
            }
            // Again (a copy of the call, a call in load): said, as check's PD503 says it. Why: the preview quietly took
            // the second object for the plugin, a plugin whose first one the app might keep.
            var at = askedAt();
            if (plugin.registered) {
                var first = plugin.registeredAt || {};
                emit('warning', { plugin: key, file: at.file, line: at.line, message: 'registerPlugin was called again (' +
                    (at.file ? at.file + ' line ' + at.line + '; ' : '') + (first.line ? 'first on line ' + first.line : 'once before') +
                    '): the app expects one registration per plugin, and the second one can replace or break the first' });
            } else {
                plugin.registeredAt = at;
            }
            if (obj.id !== plugin.cfg.id) {
                emit('warning', { plugin: key, message: 'registerPlugin id "' + obj.id + '" differs from the package id "' + plugin.cfg.id + '": the app will not find this plugin' });
            }
            plugin.registered = obj;
            if (obj.state$ && typeof obj.state$.subscribe === 'function') {
                var shown = function (value) {
                    plugin.state = value;
                    tell({ type: 'state', plugin: key, value: value === undefined ? null : value });
                };
                // (A state$ of the plugin's own making, not createNewState's: subscribed to as the app does.)
                if (obj.state$ instanceof Subject) { obj.state$.watch(shown); } else { obj.state$.subscribe(shown); }
            }
        },
        createNewState: function (initial) { return new Subject(initial === undefined ? {} : initial, true, 'state$'); },
        sendRequest: function (path, payload) {
            var entry = request('sendRequest', caller(), path, payload);
            return entry.ok ? Promise.resolve({ status: 'success', result: true }) : Promise.reject(failure(entry));
        },
        openTemplateDialog: function (options) {
            var ref = renderDialog(caller(), options || {});
            return Promise.resolve(ref);
        },
        spotlightOnParticipant: function (uuid) { return settled(request('spotlightOnParticipant', caller(), '/participants/' + uuid + '/spotlighton'), { result: true }); },
        spotlightOffParticipant: function (uuid) { return settled(request('spotlightOffParticipant', caller(), '/participants/' + uuid + '/spotlightoff'), { result: true }); },
        disconnectParticipant: function (uuid) { return settled(request('disconnectParticipant', caller(), '/participants/' + uuid + '/disconnect'), { result: true }); },
        dialOut: function (alias, protocol, role, callback, params) {
            var key = caller();
            // Infinity's dial takes more after the callback (PexRTC's user_params): {streaming: true}
            // marks a recorder or streamer. Recorded, and the new participant shown as one.
            var extra = null;
            try { extra = params && typeof params === 'object' ? clone(params) : null; } catch (e) { extra = {}; }
            var asked = { alias: alias, protocol: protocol, role: role };
            if (extra) { asked.params = extra; }
            var why = refusedBecause('dialOut', 'dialOut');
            if (why) {
                // Refused: the callback gets Infinity's answer ({status: 'failed', result: reason}), and
                // the promise rejects only when there is no callback to tell (else nothing would catch it).
                var refused = recordCall('dialOut', key, asked, why);
                var body = { status: 'failed', result: why };
                if (typeof callback !== 'function') { return Promise.reject(failure(refused)); }
                setTimeout(function () { guard(key, 'dialOut callback', callback, null, [body]); }, 0);
                return Promise.resolve(body);
            }
            var uuid = '00000000-0000-4000-8000-000000000' + (newUuid++);
            participants.push({ uuid: uuid, name: String(alias), role: role === 'HOST' || role === 'chair' ? 'chair' : 'guest', uri: String(alias),
                protocol: protocol || 'auto', startTime: now(), serviceType: 'conference', callType: 'video', muted: false, buzzTime: 0,
                spotlight: 0, isStreaming: protocol === 'rtmp' || Boolean(extra && extra.streaming), presenting: false, canMute: true, canDisconnect: true });
            recordCall('dialOut', key, asked, null);
            publish();
            var answerValue = { result: [uuid] };
            if (typeof callback === 'function') { setTimeout(function () { guard(key, 'dialOut callback', callback, null, [answerValue]); }, 0); }
            return Promise.resolve(answerValue);
        },
        // Being deprecated (the vendor guide), not gone: the app still changes the layout with it
        // ('1:7', or {layout: '1:7'} as transformConferenceLayout takes), so the stage does too.
        changeConferenceLayout: function (layout) {
            var key = caller();
            var at = askedAt();
            emit('warning', { plugin: key, message: cfg.oldLayoutCall + (at.file ? ' \u2014 ' + at.file + ' line ' + at.line : ''), file: at.file, line: at.line });
            var transforms = typeof layout === 'string' ? { layout: layout } : {};
            if (layout && typeof layout === 'object') { try { transforms = clone(layout); } catch (e) { transforms = {}; } }
            var why = refusedBecause('changeConferenceLayout', 'changeConferenceLayout');
            var failed = why ? null : answer('/transform_layout', { transforms: transforms });
            failed = failed === true ? null : failed;  // (a layout the conference does not have: as transformConferenceLayout's)
            var entry = record(Object.assign({ plugin: key, kind: 'changeConferenceLayout', path: 'changeConferenceLayout', payload: { transforms: transforms },
                ok: !why && !failed, status: why ? 403 : failed ? failed.status : 200, error: why || (failed && failed.error) || null,
                refused: Boolean(why), unknownLayout: failed && failed.layout !== undefined ? failed.layout : null }, at));
            if (entry.ok) { publish(); }
            return settled(entry, { result: true });
        },
        transformConferenceLayout: function (transforms) {
            return settled(request('transformConferenceLayout', caller(), '/transform_layout', { transforms: transforms || {} }), { result: true });
        },
        sendChatMessage: function (text) {
            var key = caller();
            chatSaid('you', text);
            recordCall('sendChatMessage', key, { text: text }, null);
            actions$.next({ type: actions.SEND_CHAT_MESSAGE, payload: { payload: text } });
            return Promise.resolve({ result: true });
        }
    };
    Object.keys(pluginAPI).forEach(function (name) { pluginAPI[name] = pageSide(pluginAPI[name]); });  // (see pageSide)
    actions$.ofType = pageSide(actions$.ofType);

    // window.PEX as the app makes it. A plugin replacing it (window.PEX = {...}), or its pluginAPI
    // (window.PEX.pluginAPI = {...}), is named, with its line, and what it gave is what the plugins get from
    // then on, as in the app. Why: it went unsaid, and the next plugin calling the app was said to crash,
    // "openTemplateDialog does not exist", which the app has.
    var appPEX = {
        actions$: actions$,
        actions: actions,
        conferenceQueryParams: Object.assign({}, cfg.queryParams || {})
    };
    watchReplaced(appPEX, 'pluginAPI', 'window.PEX.pluginAPI');
    appPEX.pluginAPI = pluginAPI;
    watchReplaced(window, 'PEX', 'window.PEX');
    window.PEX = appPEX;
    // ``owner[name]`` kept as it is set, a value other than the first (the app's) said as replacing it (PD.pexReplaced).
    function watchReplaced(owner, name, shown) {
        var first;
        var now;
        Object.defineProperty(owner, name, {
            configurable: true,
            enumerable: true,
            get: function () { return now; },
            set: function (value) {
                now = value;
                if (first === undefined) { first = value; return; }
                var at = askedAt();
                var key = caller();
                PD.pexReplaced = value === first ? null : { plugin: key, file: at.file, line: at.line, what: shown };
                if (PD.pexReplaced) {
                    emit('warning', { plugin: key, file: at.file, line: at.line, message: 'it replaced ' + shown +
                        (at.file ? ' (' + at.file + ' line ' + at.line + ')' : '') + ': in the app the functions of PEX are ' +
                        'then gone for every plugin, the others too' });
                }
            }
        });
    }

    // A plugin deleting window.PEX or its pluginAPI (``delete window.PEX``): said as replacing them is, and the errors
    // it brings on the others said so too (PD.pexReplaced). A delete calls no setter: found when the plugin code that
    // did it returns (see running), the line the first ``delete`` of it in that plugin's file. Why: it went unsaid,
    // and the next plugin calling the app crashed with "Cannot read properties of undefined" naming no one.
    var deletedSaid = {};
    var DELETES = { 'window.PEX': /\bdelete\s+(?:window\s*\.\s*)?PEX\b(?!\s*\.)/, 'window.PEX.pluginAPI': /\bdelete\s+(?:window\s*\.\s*)?PEX\s*\.\s*pluginAPI\b/ };
    function noticeDeleted(info) {
        var what = !('PEX' in window) ? 'window.PEX' : window.PEX === appPEX && !('pluginAPI' in appPEX) ? 'window.PEX.pluginAPI' : null;
        if (!what || deletedSaid[what]) { return; }
        deletedSaid[what] = true;
        var key = info.plugin || null;
        var source = key && PD.plugins[key] && PD.plugins[key].cfg.source;
        var at = { file: source ? source.path : null, line: null };
        var found = source ? DELETES[what].exec(source.text) : null;
        if (found) { at.line = source.text.slice(0, found.index).split('\n').length; }
        PD.pexReplaced = { plugin: key, file: at.file, line: at.line, what: what, how: 'deleted' };
        emit('warning', { plugin: key, file: at.file, line: at.line, message: 'it deleted ' + what +
            (at.file ? ' (' + at.file + (at.line ? ' line ' + at.line : '') + ')' : '') + ': in the app the functions of PEX are ' +
            'then gone for every plugin, the others too' });
    }

    // The meeting's details once you are back in it: started again when everyone had been disconnected.
    function rejoined() {
        return PD.left && PD.left.how === 'everyone' ? Object.assign({}, conference, { started: true }) : conference;
    }

    // -- the designer's conference simulator (PreviewPane calls these) ----------------------
    PD.sim = {
        setConference: function (field, value) { conference[field] = value; publish(); },
        raiseHand: function (uuid, up) {
            var who = findParticipant(uuid);
            if (who) { who.buzzTime = up ? now() : 0; publish(); }
        },
        addGuest: function (name) {
            var n = newUuid++;
            var guest = { uuid: '00000000-0000-4000-8000-000000000' + n, name: name || 'Guest ' + (n - 99), role: 'guest',
                uri: 'guest' + n + '@example.com', protocol: 'webrtc', startTime: now(), serviceType: 'conference',
                callType: 'video', muted: false, buzzTime: 0, spotlight: 0, isStreaming: false, presenting: false,
                canMute: true, canDisconnect: true, canTransfer: true, canControl: false, isExternal: false };
            participants.push(guest);
            publish();
            actions$.next({ type: actions.PARTICIPANT_CONNECT_SUCCESS, payload: clone(guest) });
            return guest.uuid;
        },
        removeParticipant: function (uuid) {
            var who = findParticipant(uuid);
            if (!who) { return; }
            participants = participants.filter(function (x) { return x !== who; });
            publish();
            actions$.next({ type: actions.PARTICIPANT_DISCONNECT_SUCCESS, payload: clone(who) });
        },
        // The whole meeting at once: a preset, or the one carried over a restart of the plugins. Out of the
        // meeting (PD.left), you are carried over in it all the same: a restart joins you again, first, as "you".
        exportMeeting: function () {
            var people = PD.left ? [PD.left.you].concat(participants) : participants;
            return JSON.stringify({ participants: people, conference: PD.left ? rejoined() : conference, layout: PD.layout });
        },
        setMeeting: function (people, details) {
            participants = clone(people || []);
            conference = clone(details || {});
            PD.left = null;
            publish();
        },
        // Join the meeting again after leaving it (the ended call's button): you come back as you were, first; a
        // meeting everyone was disconnected from starts again with you in it.
        rejoin: function () {
            if (!PD.left) { return; }
            var you = PD.left.you;
            conference = rejoined();
            PD.left = null;
            participants = [you].concat(participants.filter(function (p) { return p.uuid !== you.uuid; }));
            publish();
        },
        // A meeting started afresh (a preset chosen in the simulator, Default meeting too): the whole meeting as the
        // preset has it, its layout the default and its chat empty. Why: only the participants and the details
        // changed, so a layout or chat a plugin had left stayed in "Default meeting".
        startMeeting: function (people, details) {
            PD.layout = null;
            PD.chat = [];
            PD.chatCount = 0;
            PD.chatMeeting = (PD.chatMeeting || 0) + 1;  // (the chat drawn goes: see drawChat)
            if (designer.UI) { designer.UI.chatRead = 0; }
            PD.sim.setMeeting(people, details);
        },
        // One field of one participant, from the designer's participant table.
        updateParticipant: function (uuid, field, value) {
            var who = findParticipant(uuid);
            if (!who) { return false; }
            if (field === 'buzzTime' || field === 'spotlight') {
                value = value === true ? now() : value === false ? 0 : Number(value) || 0;
            }
            who[field] = value;
            publish();
            return true;
        },
        selectEvent: function (uuid) {
            var who = findParticipant(uuid);
            actions$.next({ type: actions.SELECT_EVENT, payload: who ? clone(who) : null });
        },
        receiveChat: function (text, from) {
            var origin = from || 'Guest';
            chatSaid(origin, String(text));
            emit('mock-state', { conference: conference, participants: participants, layout: PD.layout, left: PD.left });
            actions$.next({ type: actions.RECEIVE_CHAT_MESSAGE, payload: { origin: origin, payload: String(text), type: 'text/plain' } });
        }
    };

    // -- life cycle ------------------------------------------------------------------------
    (cfg.plugins || []).forEach(function (p) {
        PD.plugins[p.key] = { cfg: p, registered: null, loaded: false, failed: false, state: undefined, subs: [] };
        if (p.source) { PD.byPath[p.source.path] = p.key; }
    });

    // A plugin that froze an earlier page (cfg.frozen) is left out: it would freeze this one too.
    PD.active = function (p) { return p.cfg.shown && p.cfg.source && cfg.run && !p.cfg.frozen; };

    // The words on the button the user pressed: its state$ label (for this participant), else the package's.
    function shownLabel(plugin, item, target) {
        var state = plugin.state;
        if (state && target && typeof state === 'object' && state[target] && typeof state[target] === 'object') { state = state[target]; }
        return (state && typeof state === 'object' && typeof state.label === 'string' && state.label) || item.label || item.action;
    }

    PD.inject = function () {
        takeBuiltins();  // (the browser's, before any plugin runs)
        Object.keys(PD.plugins).forEach(function (key) {
            var plugin = PD.plugins[key];
            if (!PD.active(plugin)) { return; }
            var script = document.createElement('script');
            // The source runs as written; the last line only names the file in stack traces.
            script.textContent = plugin.cfg.source.text + '\n//# sourceURL=' + plugin.cfg.source.path;
            PD.current = key;
            PD.lastActive = key;
            running({ plugin: key, step: 'start' }, function () { document.head.appendChild(script); });
            PD.current = null;
            PD.lastActive = null;
            if (!plugin.registered && !plugin.failed) {
                emit('warning', { plugin: key, message: 'the source never called PEX.pluginAPI.registerPlugin: the app would not load this plugin' });
            }
        });
    };

    PD.load = function (key) {
        var plugin = PD.plugins[key];
        if (!plugin || !plugin.registered || plugin.loaded) { return; }
        plugin.loaded = true;
        plugin.loads = (plugin.loads || 0) + 1;
        var step = plugin.loads > 1 ? 'load again' : 'load';  // where an error happened
        emit('lifecycle', { plugin: key, step: 'load' });
        if (typeof plugin.registered.load !== 'function') {
            emit('warning', { plugin: key, message: 'registered object has no load function' });
            return;
        }
        guard(key, step, plugin.registered.load, plugin.registered, [participants$, conferenceDetails$], { plugin: key, step: 'start', where: 'load' });
    };

    PD.unload = function (key) {
        var plugin = PD.plugins[key];
        if (!plugin || !plugin.loaded) { return; }
        plugin.loaded = false;
        emit('lifecycle', { plugin: key, step: 'unload' });
        if (typeof plugin.registered.unload === 'function') {
            guard(key, 'unload', plugin.registered.unload, plugin.registered, []);
        } else {
            emit('warning', { plugin: key, message: 'registered object has no unload function' });
        }
        var open = plugin.subs.filter(function (s) { return !s.closed && (s.subject === participants$ || s.subject === conferenceDetails$ || s.subject._name === 'actions$'); });
        if (open.length) {
            emit('warning', { plugin: key, message: open.length + (open.length === 1 ? ' subscription is' : ' subscriptions are') + ' still open after unload: the plugin keeps running while switched off' });
            open.forEach(function (s) { s.closed = true; var i = s.subject._subs.indexOf(s); if (i >= 0) { s.subject._subs.splice(i, 1); } });
        }
        plugin.subs = [];
    };

    // The arguments the app passes for each placement.
    PD.argsFor = function (section, target) {
        if (section === 'participants') {
            return [target ? findParticipant(target) || participants[0] : PD.defaultParticipant()];
        }
        if (section === 'conference') { return [conference]; }
        return [participants, conference];
    };
    PD.defaultParticipant = function () {
        return participants.filter(function (p) { return p.buzzTime; })[0] ||
            participants.filter(function (p) { return p.role === 'guest'; })[0] || participants[0];
    };

    // Whose menu a participant's item is pressed in when no user pressed it (Test every button): the participant
    // whose menu is open in the meeting, else the one ``chosen`` in the simulator, else the first who is not you
    // (you when alone). Why: every item ran with the mock's own pick, whoever the user had chosen, and the log
    // did not say whose menu it was in; the pick is made at each press, as an earlier button may have removed someone.
    function pickedParticipant(chosen) {
        var open = designer.UI && designer.UI.openParticipant ? findParticipant(designer.UI.openParticipant) : null;
        var picked = chosen && chosen !== cfg.you ? findParticipant(chosen) : null;
        return open || picked || participants.filter(function (p) { return p.uuid !== cfg.you; })[0] || participants[0] || null;
    }
    PD.pickedParticipant = pickedParticipant;

    PD.runAction = function (key, index, target) {
        var plugin = PD.plugins[key];
        var item = plugin && plugin.cfg.items[index];
        if (!plugin || !item) { return; }
        if (!plugin.loaded) { emit('warning', { plugin: key, message: 'not loaded: ' + (item.action || '') + ' was not run' }); return; }
        var fn = plugin.registered && item.action ? plugin.registered[item.action] : null;
        var who = target ? findParticipant(target) : null;
        emit('lifecycle', { plugin: key, step: 'action', action: item.action, target: target || null,
            label: shownLabel(plugin, item, target), targetName: who ? who.name : null });
        if (typeof fn !== 'function') {
            reportError('exception', new TypeError('"' + item.action + '" is not a function in the registered plugin object'), key, 'action');
            return;
        }
        guard(key, item.action, fn, plugin.registered, PD.argsFor(plugin.cfg.section, target),
            { plugin: key, step: 'action', action: item.action, label: shownLabel(plugin, item, target) });
    };

    // The timers the plugins set. An error thrown from a setTimeout callback brings the app down
    // as surely as one thrown in an action, but it comes later: the cycle waits, at its end, for
    // the timers due within SETTLE_MS (and for those they set in turn, up to the same deadline).
    var SETTLE_MS = 3000;
    var nativeSetTimeout = window.setTimeout;
    var nativeSetInterval = window.setInterval;
    var timersDue = [];
    function noteTimer(ms) { timersDue.push(Date.now() + Math.max(0, Number(ms) || 0)); }
    // A plugin's timer callback runs marked as that plugin's (see running); what it throws still
    // goes to the page's error handler, as in the app.
    function marked(args) {
        var code = typeof args[0] === 'string' ? args[0] : null;
        var key = typeof args[0] === 'function' || code !== null ? caller() : null;
        if (!key) { return args; }
        var copy = Array.prototype.slice.call(args);
        copy[0] = carried(code === null ? args[0] : textTimer(code, key, askedAt()), { plugin: key, step: 'timer' });
        return copy;
    }
    // A timer's code given as text (setTimeout('refresh()', 10)) runs as the browser runs it, in the page's
    // scope; what it throws is the crash of its plugin, at the line that set the timer (``at``). Why: its
    // stack names no plugin file, and it was said as a crash of no plugin, with no file to open.
    function textTimer(code, key, at) {
        return function () {
            try { (0, eval)(code); } catch (error) { reportError('exception', error, key, null, at); }
        };
    }
    window.setTimeout = function (fn, ms) {
        noteTimer(ms);
        return nativeSetTimeout.apply(window, marked(arguments));
    };
    window.setInterval = function (fn, ms) {
        noteTimer(ms);  // its first tick; an interval that keeps going is the unload check's concern
        return nativeSetInterval.apply(window, marked(arguments));
    };
    window.setTimeout = pageSide(window.setTimeout);
    window.setInterval = pageSide(window.setInterval);
    function pause(ms) { return new Promise(function (resolve) { nativeSetTimeout.call(window, resolve, ms); }); }
    PD.pause = pause;
    function settle(deadline) {
        var now = Date.now();
        timersDue = timersDue.filter(function (due) { return due > now; });
        var soon = timersDue.filter(function (due) { return due <= deadline; });
        if (!soon.length) { return Promise.resolve(); }
        return pause(Math.max.apply(null, soon) - now + 10).then(function () { return settle(deadline); });
    }
    PD.settle = function () { return settle(Date.now() + SETTLE_MS); };

    // load -> each action -> unload -> load again, for every plugin that registered. A plugin that
    // is off by default is switched on for the test (a user may turn it on, and its buttons can
    // crash the app as well) and left off again at the end, as the meeting had it. The meeting is
    // put back as it was before the test too ('restored': it had changed): pressing every button
    // left it locked, hands lowered, people disconnected, and Restart plugins kept it so.
    // ``chosen``: the participant chosen in the designer's simulator, if any. A participant's menu item is pressed
    // in the menu of the participant a user would pick (see pickedParticipant), and the log names them.
    // Out of the meeting when the test starts (the ended call on show): the buttons are there only in the meeting,
    // so you rejoin first and the log says so ('cycle-rejoined'); afterwards the call is ended again, as it was.
    // Why: the test put you back in the meeting unsaid, then called that meeting "back as it was".
    // The test, said to have failed ('cycle-failed') when the page's own code fails in it, rather than never said to end.
    // Why: a plugin replacing something of the browser's that the test uses (Array.prototype.forEach = null) stopped it
    // unsaid: simulate waited 20 s and called the plugins' load an endless loop, and Test every button stayed "Testing…".
    PD.cycle = function (delay, chosen) {
        try {
            return nativeThen.call(cycle(delay, chosen), undefined, cycleFailed);
        } catch (error) {
            cycleFailed(error);
            return undefined;
        }
    };
    function cycleFailed(error) {
        var said = error && typeof error.message === 'string' ? (error.name ? error.name + ': ' : '') + error.message : String(error);
        emit('cycle-failed', { message: cutShort(said, ERROR_CHARS) });
    }
    function cycle(delay, chosen) {
        delay = delay || 40;
        var left = PD.left;
        var before = left ? clone({ participants: participants, conference: conference }) : null;
        if (left) {
            emit('cycle-rejoined', { how: left.how, plugin: left.plugin });
            PD.sim.rejoin();
        }
        var meeting = PD.sim.exportMeeting();
        var keys = Object.keys(PD.plugins).filter(function (k) { return PD.plugins[k].registered; });
        var wasOn = keys.filter(function (k) { return PD.plugins[k].loaded; });
        var chain = pause(delay).then(function () {
            keys.forEach(function (k) { if (!PD.plugins[k].loaded) { PD.load(k); } });
            return pause(delay);
        });
        keys.forEach(function (key) {
            PD.plugins[key].cfg.items.forEach(function (item, index) {
                chain = chain.then(function () {
                    // A button pressed before ended the call (End meeting, a plugin disconnecting you): the
                    // next ones are there only in the meeting, so you rejoin first, said as at the start.
                    // Why: they were pressed in an empty meeting, a participant's item for nobody, and a
                    // plugin reading participant.uuid was said to bring up the 'Oops' page.
                    if (PD.left) {
                        emit('cycle-rejoined', { how: PD.left.how, plugin: PD.left.plugin, during: true });
                        PD.sim.rejoin();
                    }
                    var who = PD.plugins[key].cfg.section === 'participants' ? pickedParticipant(chosen) : null;
                    PD.runAction(key, index, who ? who.uuid : null);
                    return pause(delay);
                })
                    .then(function () { PD.closeDialogs(); return pause(5); });
            });
        });
        chain = chain.then(function () { keys.forEach(PD.unload); return pause(delay); })
            .then(function () { wasOn.forEach(PD.load); return pause(delay); })
            .then(PD.settle)
            .then(function () {
                var restored = Boolean(left) || Boolean(PD.left) || PD.sim.exportMeeting() !== meeting;
                if (restored) {
                    var was = JSON.parse(meeting);
                    PD.layout = was.layout;
                    if (left) {  // out of it again, in one step (the meeting is not drawn for a moment in between)
                        participants = before.participants;
                        conference = before.conference;
                        PD.left = left;
                        publish();
                    } else {
                        PD.sim.setMeeting(was.participants, was.conference);
                    }
                }
                PD.sayLeftOut();  // (the lines left out said now: simulate's page goes at the end)
                PD.sayRepeats();
                emit('cycle-done', { plugins: keys, restored: restored, ended: Boolean(left) });
            });
        return chain;
    }

    PD.start = function () {
        PD.inject();
        Object.keys(PD.plugins).forEach(function (key) {
            var p = PD.plugins[key];
            if (p.registered && p.cfg.enabled) { PD.load(key); }
        });
        PD.started = true;
        emit('started', { conference: conference, participants: participants, layout: PD.layout, left: PD.left });
    };
})();
