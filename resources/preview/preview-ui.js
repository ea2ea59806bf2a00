// The mock meeting screen: where each plugin's menu items land, drawn from PD_CONFIG and the
// plugins' live state$. Python calls PDUI.setConfig(...) after each form edit.
(function () {
    'use strict';
    var Promise = window.Promise;  // the browser's own, whatever a plugin puts in its place (see mock-pex.js)
    var PD = window.__pluginDesigner.PD;
    // The menus start closed, as in the app: open, they covered the meeting before anyone had
    // pressed anything. Their buttons count the plugin items inside (see countBadge).
    var ui = window.PDUI = window.__pluginDesigner.UI = { tab: 'participants', confMenuOpen: false, openParticipant: '', hover: null, cache: {}, chatRead: 0, chatDrawn: 0 };
    var COLOURS = ['#7c5cff', '#1f9d8b', '#d9822b', '#c2417f', '#3b82f6', '#8a9a2b'];
    var STD = {
        mic: '<svg class="pd-std" viewBox="0 0 24 24"><rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5 11a7 7 0 0 0 14 0M12 18v3"/></svg>',
        cam: '<svg class="pd-std" viewBox="0 0 24 24"><rect x="3" y="6" width="13" height="12" rx="2"/><path d="M16 10l5-3v10l-5-3z"/></svg>',
        share: '<svg class="pd-std" viewBox="0 0 24 24"><rect x="3" y="4" width="18" height="13" rx="2"/><path d="M12 14V8M9 11l3-3 3 3M8 21h8"/></svg>',
        chat: '<svg class="pd-std" viewBox="0 0 24 24"><path d="M4 5h16v11H9l-5 4z"/></svg>',
        hangup: '<svg class="pd-std" viewBox="0 0 24 24"><path d="M3 14c5-5 13-5 18 0l-2 3-4-2v-3a9 9 0 0 0-6 0v3l-4 2z"/></svg>'
    };

    function glyph(d) { return '<svg class="pd-glyph" viewBox="0 0 24 24"><path d="' + d + '"/></svg>'; }
    var G = {
        lock: glyph('M6 11h12v10H6zM8 11V8a4 4 0 0 1 8 0v3'),
        mute: glyph('M9 5a3 3 0 0 1 6 0v6M5 11a7 7 0 0 0 11 5.5M12 18v3M3 3l18 18'),
        add: glyph('M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21a7 7 0 0 1 14 0M19 8v6M16 11h6'),
        gear: glyph('M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2'),
        info: glyph('M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 11v6M12 7v.5'),
        star: glyph('M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z'),
        person: glyph('M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0'),
        leave: glyph('M18 6L6 18M6 6l12 12'),
        hand: glyph('M8 13V5a1.5 1.5 0 0 1 3 0v6V4a1.5 1.5 0 0 1 3 0v7V6a1.5 1.5 0 0 1 3 0v9a6 6 0 0 1-6 6h-1a6 6 0 0 1-5-3l-2-4a1.5 1.5 0 0 1 2.5-1.5L8 14')
    };

    function bdi(value) { return '<bdi>' + esc(value) + '</bdi>'; }  // a name, laid out in its own direction
    function esc(value) {
        return String(value === undefined || value === null ? '' : value).replace(/[&<>"']/g, function (c) {
            return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
        });
    }
    function initials(name) { return String(name || '?').split(/\s+/).slice(0, 2).map(function (w) { return w.charAt(0); }).join('').toUpperCase(); }
    function colour(i) { return COLOURS[i % COLOURS.length]; }

    function normalise(base, rel) {
        var parts = (base ? base.split('/') : []).concat(String(rel).split('/'));
        var out = [];
        parts.forEach(function (p) {
            if (p === '' || p === '.') { return; }
            if (p === '..') { out.pop(); } else { out.push(p); }
        });
        return out.join('/');
    }

    // An icon reference ("file.svg#id") as an <img> of just that element (images never run scripts).
    function iconHtml(plugin, ref) {
        if (!ref || typeof ref !== 'string') { return '<span class="pd-icon pd-placeholder" title="set at run time" aria-hidden="true"></span>'; }
        var hash = ref.indexOf('#');
        var file = normalise(plugin.base, hash >= 0 ? ref.slice(0, hash) : ref);
        var id = hash >= 0 ? ref.slice(hash + 1) : '';
        var cacheKey = file + '#' + id + '\u0000' + (plugin.svgs[file] || '').length;
        if (!(cacheKey in ui.cache)) { ui.cache[cacheKey] = extract(plugin.svgs[file], id); }
        var src = ui.cache[cacheKey];
        if (src && src.unreadable) {
            sayUnreadable(plugin, file, src.unreadable);
            return '<span class="pd-icon pd-broken" title="icon cannot be read: ' + esc(ref) + ' (' + esc(src.unreadable) + ')" aria-hidden="true">?</span>';
        }
        if (!src) { return '<span class="pd-icon pd-broken" title="icon not found: ' + esc(ref) + '" aria-hidden="true">?</span>'; }
        return '<img class="pd-icon pd-img" alt="" src="' + src + '">';
    }
    // An SVG the browser will not read, said in the log once for each file as it is (not at each drawing).
    // Why: its buttons showed "icon not found", sending the user to look for an id that is there.
    var unreadableSaid = {};
    function sayUnreadable(plugin, file, why) {
        var key = file + '\u0000' + why;
        if (unreadableSaid[key]) { return; }
        unreadableSaid[key] = true;
        PD.emit('warning', { plugin: plugin.key, file: file, message: 'its icon ' + file + ' cannot be read (' + why +
            '): the app shows no icon from it either (Problems says why, with its fix)' });
    }
    // The SVG ``text`` as an image of the element ``id``: its data: URL, null when it has no such element, or
    // {unreadable: why} when the browser will not read the file (a declaration of entities growing it past its limit).
    function extract(text, id) {
        if (!text) { return null; }
        var doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        var failed = doc.querySelector('parsererror');
        if (failed) {
            var said = (failed.querySelector('div') || failed).textContent.trim().split('\n')[0];
            return { unreadable: PD.cutShort(said.replace(/^error on line (\d+) at column (\d+): /, 'line $1, column $2: '), 300) };
        }
        var root = doc.documentElement;
        if (!root || root.nodeName.toLowerCase() !== 'svg') { return null; }
        // (CSS.escape: an id with a line break in it made an invalid selector, which failed every drawing of the meeting.)
        var el = id ? root.querySelector('[id="' + CSS.escape(id) + '"]') || (root.getAttribute('id') === id ? root : null) : root;
        if (!el) { return null; }
        var ns = 'http://www.w3.org/2000/svg';
        var ser = new XMLSerializer();
        var out;
        if (el === root || el.nodeName.toLowerCase() === 'svg') {
            out = ser.serializeToString(el);
            if (out.indexOf('xmlns=') < 0) { out = out.replace('<svg', '<svg xmlns="' + ns + '"'); }
        } else {
            var vb = el.getAttribute('viewBox') || root.getAttribute('viewBox') || '0 0 24 24';
            var defs = Array.prototype.map.call(root.querySelectorAll('defs'), function (d) { return ser.serializeToString(d); }).join('');
            var inner = el.nodeName.toLowerCase() === 'symbol' ?
                Array.prototype.map.call(el.childNodes, function (c) { return ser.serializeToString(c); }).join('') : ser.serializeToString(el);
            out = '<svg xmlns="' + ns + '" viewBox="' + esc(vb) + '">' + defs + inner + '</svg>';
        }
        return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(out);
    }
    ui.iconHtml = iconHtml;

    // What an item shows: the plugin's live state$ wins, then the package, then a placeholder.
    function look(plugin, item, uuid) {
        var state = shownState(PD.plugins[plugin.key], uuid);
        var icon = state && state.icon ? state.icon : item.icon;
        var label = state && state.label ? state.label : item.label;
        // Said on hover when the plugin's code chose what the item shows (its state$), not the form:
        // a toggle button's icon and label picked in the form never showed, and nothing said why.
        var coded = state && state.icon && state.label ? 'icon and label' : state && state.icon ? 'icon' :
            state && state.label ? 'label' : '';
        var plain = label || '(set at run time)';
        return {
            icon: iconHtml(plugin, icon),
            // In the meeting's and a participant's menu, an item with no icon is its label alone, as in the app: not
            // the toolbar's empty square (a toolbar button needs an icon, PD309), only the room an icon takes, so the
            // labels stay in line with the others.
            menuIcon: icon ? iconHtml(plugin, icon) : '<span class="pd-icon pd-noicon" aria-hidden="true"></span>',
            // <bdi>: a label in Arabic or Hebrew is laid out right to left on its own (its '!' on the
            // left), inside the meeting's left-to-right menus, as the user's own words are.
            label: label ? bdi(label) : '<span class="pd-runtime">(set at run time)</span>',
            plain: plain,
            tip: coded ? plain + ' \u2014 its ' + coded + (coded === 'label' || coded === 'icon' ? ' is' : ' are') +
                ' set by the plugin\'s code while the meeting runs, not by the form' : plain,
            coded: coded
        };
    }
    ui.look = look;
    // The icon and label a plugin's state$ gives (for the participant ``uuid``), or null. A state the app
    // cannot read (a getter that throws, a label whose toString does) is the plugin's crash, as in the app:
    // said once, and the state dropped. Why: the meeting's drawing failed at every change, each failure
    // said as a new crash, endlessly, the crash card never drawn.
    function shownState(live, uuid) {
        var state = live && live.state;
        try {
            if (state && uuid && typeof state === 'object' && state[uuid] && typeof state[uuid] === 'object') { state = state[uuid]; }
            else if (state && typeof state === 'object' && !('icon' in state) && !('label' in state)) { state = null; }
            return state ? { icon: state.icon, label: state.label ? String(state.label) : state.label } : null;
        } catch (error) {
            live.state = undefined;
            PD.reportError('exception', error, live.cfg.key, 'state$');
            return null;
        }
    }

    // A plugin that cannot run (its source file missing: PD_CONFIG's 'unusable') never registers, so
    // the app shows none of its items: drawn (and counted on the menus' buttons), they only said
    // "not loaded" when pressed. The log says why they are absent (not_run_said).
    function visible(plugin) {
        var live = PD.plugins[plugin.key];
        if (!plugin.shown || plugin.unusable) { return false; }
        if (live && live.userOff) { return false; }
        return plugin.enabled || (live && live.userOn);
    }
    function itemsOf(section) {
        var out = [];
        PD.config.plugins.forEach(function (p) {
            if (p.section === section && visible(p)) {
                p.items.forEach(function (item, index) { out.push({ plugin: p, item: item, index: index }); });
            }
        });
        return out;
    }

    function attrs(entry, target) {
        return ' data-plugin="' + esc(entry.plugin.key) + '" data-index="' + entry.index + '"' +
            (target ? ' data-target="' + esc(target) + '"' : '') + ' data-action="' + esc(entry.item.action || '') + '"';
    }

    // The guide's names for these menus and the form's ("Appears in"), so a student can map them.
    var CONF_MENU_TIP = 'The conference control menu: where a plugin\'s Conference menu items (menuItems.conference) appear';
    var PARTICIPANT_MENU_TIP = 'This participant\'s menu: where a plugin\'s Participant menu items (menuItems.participants) appear';

    function renderTop() {
        var c = PD.conference();
        var role = PD.config.role === 'chair' ? 'Host' : 'Guest';
        // ☰ and ▾ (and a participant's initials and ⋮, an icon's "?") are drawings: aria-hidden, or a screen
        // reader reads them out by their Unicode names ("trigram for heaven Meeting room black down-pointing…").
        document.getElementById('pd-top').innerHTML =
            '<button id="pd-conf-button" data-ui="conf" aria-haspopup="menu" aria-expanded="' + ui.confMenuOpen + '"' +
            (ui.confMenuOpen ? ' aria-controls="pd-conf-menu"' : '') + ' title="' + CONF_MENU_TIP + '"><span aria-hidden="true">\u2630</span> Meeting room <span aria-hidden="true">\u25BE</span>' + countBadge('conference') + '</button>' +
            '<span class="pd-title">Weekly team meeting</span>' +
            '<span class="pd-badges">' +
            '<span class="pd-badge' + (c.locked ? ' on' : '') + '" id="pd-locked">' + (c.locked ? G.lock + ' Locked' : 'Unlocked') + '</span>' +
            '<span class="pd-badge' + (c.guestsMuted ? ' on' : '') + '">' + (c.guestsMuted ? 'Guests muted' : 'Guests can talk') + '</span>' +
            (layoutName() ? '<span class="pd-badge on" id="pd-layout" title="' + esc('Layout ' + layoutName() + ': ' + PD.config.layouts[layoutName()].said +
                ' (asked for by a plugin: transformConferenceLayout or changeConferenceLayout)') + '">Layout ' + esc(layoutName()) + '</span>' : '') +
            '<span class="pd-badge">' + esc(role) + ' \u00b7 ' + esc(PD.config.platformName || PD.config.platform) + '</span></span>' +
            (ui.confMenuOpen ? renderConfMenu() : '');
    }
    // How many plugin items a closed menu holds, on the button that opens it: where to click to see them.
    function countBadge(section) {
        var n = itemsOf(section).length;
        if (!n) { return ''; }
        var said = n + (n === 1 ? ' plugin item' : ' plugin items');
        return ' <span class="pd-count" title="' + said + ' in this menu" aria-label="' + said + '">' + n + '</span>';
    }
    function renderConfMenu() {
        var host = PD.config.role === 'chair';
        var c = PD.conference();
        // A menu, as the ARIA menu pattern has it: a screen reader says "menu" and counts its items
        // (the app's own ones read as unavailable), and the button above says whether it is open.
        var html = '<div class="pd-menu" id="pd-conf-menu" role="menu" aria-labelledby="pd-conf-button">';
        if (host) {
            html += builtin(G.lock, c.locked ? 'Unlock meeting' : 'Lock meeting') + builtin(G.mute, 'Mute all guests') + builtin(G.add, 'Add participant');
        }
        html += builtin(G.gear, 'Settings') + builtin(G.info, 'About');
        var items = itemsOf('conference');
        if (items.length) { html += '<hr>'; }
        items.forEach(function (e) {
            var l = look(e.plugin, e.item);
            html += '<div class="pd-mi plugin" tabindex="0" role="menuitem" data-kind="conference"' + attrs(e) + ' data-label="' + esc(l.plain) + '"' +
                (l.coded ? ' title="' + esc(l.tip) + '"' : '') + '>' + l.menuIcon +
                '<span class="pd-label">' + l.label + '</span><span class="pd-from">' + bdi(e.plugin.name) + '</span></div>';
        });
        return html + '</div>';
    }
    // The app's own items, drawn to show where a plugin's land among them: greyed, they did nothing
    // when pressed and said nothing why, so "Lock meeting" or "Mute" looked broken. Their hover
    // text (and a screen reader) now says they are not simulated, and where the meeting is changed.
    var BUILTIN_TIP = 'The app\'s own item, shown to place the plugin items among: it does nothing in the preview ' +
        '(Simulate the meeting, above, changes the meeting)';
    function builtin(icon, label) {
        return '<div class="pd-mi builtin" role="menuitem" aria-disabled="true" title="' + esc(BUILTIN_TIP) + '"><span class="pd-std-i">' + icon + '</span><span>' + esc(label) + '</span></div>';
    }

    // The layout the plugins last asked for (transformConferenceLayout, /transform_layout), when
    // the stage knows how to draw it (PD_CONFIG.layouts, from designer/core/preview.py); null: the default.
    function layoutName() {
        var asked = PD.layout && typeof PD.layout === 'object' ? PD.layout.layout : null;
        return typeof asked === 'string' && PD.config.layouts && Object.prototype.hasOwnProperty.call(PD.config.layouts, asked) ? asked : null;
    }
    ui.layoutName = layoutName;
    // Who the layout puts first, as Infinity does: the spotlighted (longest first), then whoever speaks, then the rest.
    function stageOrder(people) {
        return people.map(function (p, i) { return { p: p, i: i }; }).sort(function (a, b) {
            var sa = a.p.spotlight || 0, sb = b.p.spotlight || 0;
            if (Boolean(sa) !== Boolean(sb)) { return sa ? -1 : 1; }
            if (sa !== sb) { return sa - sb; }
            if (Boolean(a.p.vad) !== Boolean(b.p.vad)) { return a.p.vad ? -1 : 1; }
            return a.i - b.i;
        });
    }
    function tileHtml(p, i, size) {
        var flags = (p.muted ? '<span class="pd-flag">' + G.mute + '</span>' : '') + (p.buzzTime ? '<span class="pd-flag">' + G.hand + '</span>' : '') +
            (p.spotlight ? '<span class="pd-flag">' + G.star + '</span>' : '') + (p.isStreaming ? '<span class="pd-flag">\u25CF LIVE</span>' : '') +
            (p.role === 'chair' ? '<span class="pd-flag">Host</span>' : '');
        return '<div class="pd-tile' + (size ? ' ' + size : '') + (p.vad ? ' speaking' : '') + '"><div class="pd-avatar" style="background:' + colour(i) + '">' + esc(initials(p.name)) + '</div>' +
            '<span class="pd-flags">' + flags + '</span><span class="pd-name">' + bdi(p.overlayText || p.name) + '</span></div>';
    }
    function renderStage() {
        var people = PD.participants().filter(function (p) { return p.callType !== 'api'; });
        var name = layoutName();
        var stage = document.getElementById('pd-stage');
        var tiles = document.getElementById('pd-tiles');
        var scrolled = tiles ? tiles.scrollTop : 0;
        var html;
        if (!name) {
            html = '<div id="pd-tiles">' + people.map(function (p, i) { return tileHtml(p, i, ''); }).join('') + '</div>';
        } else {
            var spec = PD.config.layouts[name];
            var order = stageOrder(people);
            var main = order.slice(0, spec.main);
            var small = spec.small === null ? order.slice(spec.main) : order.slice(spec.main, spec.main + spec.small);
            var hidden = order.length - main.length - small.length;
            html = '<div id="pd-tiles" class="pd-layout"><div class="pd-main-tiles n' + main.length + '">' + main.map(function (e) { return tileHtml(e.p, e.i, 'main'); }).join('') + '</div>';
            if (small.length || hidden) {
                html += '<div class="pd-small-tiles">' + small.map(function (e) { return tileHtml(e.p, e.i, 'small'); }).join('') +
                    (hidden ? '<div class="pd-tile small pd-more-tile" title="Not shown in layout ' + esc(name) + '">+' + hidden + ' not shown</div>' : '') + '</div>';
            }
            html += '</div>';
        }
        var tb = '<div id="pd-toolbar" class="pd-on-dark" role="toolbar" aria-label="Meeting toolbar">' +
            '<button class="pd-tb" title="Microphone">' + STD.mic + '</button>' +
            '<button class="pd-tb" title="Camera">' + STD.cam + '</button>' +
            '<button class="pd-tb" title="Share screen">' + STD.share + '</button>' +
            '<button class="pd-tb" title="Chat">' + STD.chat + '</button>';
        var items = itemsOf('toolbar');
        if (items.length) { tb += '<span class="pd-sep"></span>'; }
        var tip = '';
        items.forEach(function (e) {
            var l = look(e.plugin, e.item);
            var id = e.plugin.key + ':' + e.index;
            tb += '<button class="pd-tb plugin" data-kind="toolbar"' + attrs(e) + ' data-hover="' + esc(id) + '" data-label="' + esc(l.plain) + '" title="' + esc(l.tip) + '" aria-label="' + esc(l.plain) + '">' + l.icon + '</button>';
            if (ui.hover === id) { tip = '<span class="pd-tip">' + l.label + '</span>'; }
        });
        tb += '<span class="pd-sep"></span><button class="pd-tb hangup" title="Leave">' + STD.hangup + '</button></div>';
        var drawn = document.getElementById('pd-toolbar');
        var toolbarScrolled = drawn ? drawn.scrollTop : 0;
        stage.innerHTML = html + tb + tip;
        document.getElementById('pd-toolbar').scrollTop = toolbarScrolled;  // (a hover draws it again: rows stay put)
        roomForToolbar();
        document.getElementById('pd-tiles').scrollTop = scrolled;  // drawn again (a hover, a plugin's label): not back to the top
        placeTip();
    }

    // The hover text of the toolbar button the mouse or the keyboard is on: centred above it, below it where above
    // would be under the top bar (a toolbar of many rows), and moved back inside the view near its edges.
    function placeTip() {
        var tip = document.querySelector('#pd-stage > .pd-tip');
        var button = Array.from(document.querySelectorAll('#pd-toolbar [data-hover]')).filter(function (b) {
            return b.dataset.hover === ui.hover; })[0];
        if (!tip || !button) { return; }
        var s = document.getElementById('pd-stage').getBoundingClientRect(), b = button.getBoundingClientRect();
        tip.style.left = (b.left + b.width / 2 - s.left) + 'px';
        tip.style.bottom = (s.bottom - b.top + 8) + 'px';
        if (tip.getBoundingClientRect().top < s.top + 4) {
            tip.style.bottom = '';
            tip.style.top = (b.bottom - s.top + 8) + 'px';
        }
        var r = tip.getBoundingClientRect();
        var shift = r.left < 4 ? 4 - r.left : r.right > window.innerWidth - 4 ? window.innerWidth - 4 - r.right : 0;
        if (shift) { tip.style.transform = 'translateX(calc(-50% + ' + Math.round(shift) + 'px))'; }
    }

    // Room under the last tile for the toolbar (one row or two, 14 px above the bottom, 12 px of space): scrolled to the
    // end, no tile is under it.
    function roomForToolbar() {
        var tiles = document.getElementById('pd-tiles');
        var toolbar = document.getElementById('pd-toolbar');
        if (tiles && toolbar) { tiles.style.paddingBottom = tiles.style.scrollPaddingBottom = (toolbar.offsetHeight + 26) + 'px'; }
    }

    function renderSide() {
        // Messages come while another tab is open (a plugin's, or one the simulator sends): counted on the Chat tab, as
        // chat apps do, until it is opened. Without the count they went unseen from the Participants tab.
        if (ui.tab === 'chat') { ui.chatRead = PD.chatCount; }
        ui.chatDrawn = PD.chatCount;
        var unread = PD.chatCount - ui.chatRead;
        var said = unread + (unread === 1 ? ' unread message' : ' unread messages');
        var tabs = [['participants', 'Participants (' + PD.participants().length + ')'],
            ['chat', 'Chat', unread > 0 ? ' <span class="pd-count pd-unread" title="' + said + '" aria-label="' + said + '">' + unread + '</span>' : ''],
            ['plugins', 'Settings \u203A Plugins']];
        // A tab list, as the ARIA tabs pattern has it: a screen reader says which tab is selected, and
        // only that one is on the Tab key's path (the arrow keys go between them, see below).
        document.getElementById('pd-tabs').innerHTML = tabs.map(function (t) {
            var on = ui.tab === t[0];
            return '<button data-tab="' + t[0] + '" id="pd-tab-' + t[0] + '" role="tab" aria-selected="' + on + '" aria-controls="pd-panel" tabindex="' + (on ? '0' : '-1') +
                '" class="' + (on ? 'active' : '') + (t[2] ? ' has-unread' : '') + '">' + esc(t[1]) + (t[2] || '') + '</button>';
        }).join('');
        var panel = document.getElementById('pd-panel');
        panel.setAttribute('aria-labelledby', 'pd-tab-' + ui.tab);
        if (ui.tab === 'participants') { panel.innerHTML = renderRoster(); }
        else if (ui.tab === 'chat') { drawChat(panel); }
        else { panel.innerHTML = renderPlugins(); }
    }
    function renderRoster() {
        var host = PD.config.role === 'chair';
        var ps = PD.participants();
        return ps.map(function (p, i) {
            var open = p.uuid === ui.openParticipant;
            var menuId = 'pd-menu-' + i;
            var row = '<div class="pd-row' + (open ? ' open' : '') + '" tabindex="0" role="button" aria-haspopup="menu" aria-expanded="' + open + '"' +
                (open ? ' aria-controls="' + menuId + '"' : '') + ' data-participant="' + esc(p.uuid) + '" title="' + PARTICIPANT_MENU_TIP + '"><span class="pd-mini" aria-hidden="true" style="background:' + colour(i) + '">' + esc(initials(p.name)) + '</span>' +
                '<span class="pd-who">' + bdi(p.overlayText || p.name) + '<small>' + esc((p.role === 'chair' ? 'Host' : 'Guest') + ' \u00b7 ' + p.protocol) +
                (p.buzzTime ? ' \u00b7 hand raised' : '') + (p.muted ? ' \u00b7 muted' : '') + '</small></span>' + (open ? '' : countBadge('participants')) +
                '<span class="pd-more" aria-hidden="true">\u22EE</span></div>';
            if (open) {
                row += '<div class="pd-menu pd-ctx" role="menu" id="' + menuId + '" aria-label="' + esc((p.overlayText || p.name) + '\'s menu') + '">';
                if (host) { row += builtin(G.mute, p.muted ? 'Unmute' : 'Mute') + builtin(G.star, 'Spotlight') + builtin(G.person, p.role === 'chair' ? 'Make guest' : 'Make host') + builtin(G.leave, 'Disconnect'); }
                else { row += builtin(G.info, 'Details'); }
                var items = itemsOf('participants');
                if (items.length) { row += '<hr>'; }
                items.forEach(function (e) {
                    var l = look(e.plugin, e.item, p.uuid);
                    row += '<div class="pd-mi plugin" tabindex="0" role="menuitem" data-kind="participants"' + attrs(e, p.uuid) + ' data-label="' + esc(l.plain) + '"' +
                        (l.coded ? ' title="' + esc(l.tip) + '"' : '') + '>' + l.menuIcon + '<span class="pd-label">' + l.label + '</span><span class="pd-from">' + bdi(e.plugin.name) + '</span></div>';
                });
                row += '</div>';
            }
            return row;
        }).join('');
    }
    // The chat as drawn: the messages not yet on show added after the others, the oldest past those the page keeps
    // (PD.chat) taken out, and how many were left out said above them. Why: each new message had the whole chat
    // drawn anew, so a plugin sending one every few milliseconds slowed the page down as the chat grew.
    function drawChat(panel) {
        var box = panel.querySelector(':scope > .pd-chat');
        var upto = box ? Number(box.dataset.upto) : 0;
        var meeting = String(PD.chatMeeting || 0);
        if (!box || box.dataset.meeting !== meeting || !PD.chatCount) {  // (another tab was on show, or a meeting started afresh)
            panel.innerHTML = PD.chatCount ? '<div class="pd-chat" data-upto="0" data-meeting="' + meeting + '"><div class="pd-chat-older"></div></div>' :
                '<div class="pd-section-title">No messages yet</div>';
            box = panel.querySelector(':scope > .pd-chat');
            upto = 0;
            if (!box) { return; }
        }
        var first = PD.chatCount - PD.chat.length;  // the number of the oldest message kept
        var html = PD.chat.slice(Math.max(0, upto - first)).map(function (m) {
            return '<div class="pd-chat-line"><b>' + esc(m.from) + ':</b> ' + esc(m.text) + '</div>';
        }).join('');
        box.insertAdjacentHTML('beforeend', html);
        var lines = box.querySelectorAll(':scope > .pd-chat-line');
        for (var i = 0; i < lines.length - PD.chat.length; i++) { lines[i].remove(); }
        box.dataset.upto = String(PD.chatCount);
        var older = box.firstChild;
        older.textContent = first ? first.toLocaleString('en-US') + (first === 1 ? ' older message' : ' older messages') +
            ' left out (the preview shows the last ' + PD.chat.length.toLocaleString('en-US') + ')' : '';
        older.hidden = !first;
    }
    function renderPlugins() {
        return '<div class="pd-section-title">Plugins</div>' + PD.config.plugins.map(function (p, i) {
            var live = PD.plugins[p.key] || {};
            var on = visible(p);
            var note = p.unusable ? 'Not run: ' + p.unusable : !p.shown ? 'Not loaded for a ' + (PD.config.role === 'chair' ? 'Host' : 'Guest') + ' on ' + (PD.config.platformName || PD.config.platform) :
                p.frozen ? 'Left off: it froze the meeting (see the log); Restart plugins tries it again' :
                live.failed ? 'Crashed: see the error above' :
                !p.allowUnload ? (p.enabled ? 'Always on (allowUnload is false)' :
                    'Always off: disabled in settings.json, and allowUnload is false, so nobody can switch it on') :
                !p.settingsName ? 'No name: the app shows this switch with no words beside it' : '';
            return '<div class="pd-plugin-row' + (p.shown && !p.unusable ? '' : ' hidden-plugin') + '"><div><div class="pd-pname">' + bdi(p.settingsName) + '</div><div class="pd-pdesc" dir="auto">' + esc(p.description) + '</div>' +
                (note ? '<div class="pd-pnote" id="pd-pnote-' + i + '">' + esc(note) + '</div>' : '') + '</div>' +
                // Read out as the plugin's switch, on or off (its hover text was all a screen reader had, the same for each).
                '<button class="pd-switch' + (on ? ' on' : '') + '" role="switch" aria-checked="' + (on ? 'true' : 'false') + '" aria-label="' + esc(p.name) + '"' +
                (note ? ' aria-describedby="pd-pnote-' + i + '"' : '') +
                ' data-toggle="' + esc(p.key) + '"' + (!p.shown || p.unusable || !p.allowUnload || p.frozen ? ' disabled' : '') +
                ' title="' + (p.allowUnload ? 'Enable or disable' : p.enabled ? 'This plugin cannot be switched off' :
                    'This plugin cannot be switched on') + '"></button></div>';
        }).join('');
    }

    // A card is drawn anew only when what it says changed: a screen reader reads it out each time.
    function fill(box, html) {
        if (box.dataset.shown !== html) { box.dataset.shown = html; box.innerHTML = html; }
    }
    function renderOops() {
        var box = document.getElementById('pd-oops');
        var errors = PD.errors.filter(function (e) { return !e.dismissed; });
        if (!errors.length) { box.className = ''; fill(box, ''); return; }
        box.className = 'show';
        // Who gets the Oops page: the users the crashed plugins are loaded for, not always everyone.
        var audiences = [];
        errors.forEach(function (e) { var a = e.audience || 'every user'; if (audiences.indexOf(a) < 0) { audiences.push(a); } });
        var several = audiences.length > 1;
        // The same error again (a timer throwing every millisecond) is one entry counting its times
        // (reportError in mock-pex.js): the card shows it once, with how many times.
        var shown = errors.map(function (e) { return { e: e, times: e.times || 1 }; });
        fill(box, '<div class="pd-oops-card"><button data-ui="dismiss" title="Dismiss" aria-label="Dismiss">\u00d7</button><h3>This would show the Oops page for ' +
            esc(several ? 'the users who get these plugins' : audiences[0]) + '</h3>' +
            shown.map(function (seen) {
                var e = seen.e, p = PD.plugins[e.plugin];
                return '<div><b>' + esc(p ? p.cfg.name : e.plugin || 'unknown plugin') + '</b>' +
                    (several ? ' (for ' + esc(e.audience || 'every user') + ')' : '') + ': ' + (e.plain ? esc(e.plain) + ' ' : '') + '<code>' + esc(e.message) + '</code>' +
                    (e.file ? ' at <code>' + esc(e.file + ':' + e.line) + '</code>' : '') + (e.where ? ' (in ' + esc(e.where) + ')' : '') +
                    (seen.times > 1 ? ' (' + seen.times + ' times)' : '') + '</div>';
            }).join('') + '</div>');
    }

    // A request as the log and the check name it (hostonly.request_named): the API function for a
    // direct call (dialOut, filed with its own name as the path), else the path, a uuid in it as '…'.
    function requestNamed(r) {
        if (r.kind !== 'sendRequest') { return r.kind; }
        var path = '/' + String(r.path).split('?')[0].replace(/^\/+/, '');
        return path.replace(/^\/participants\/[^/]+\/([a-z_]+)$/, '/participants/\u2026/$1');
    }

    // A guest's request that only hosts may make, refused by the mock as by Infinity (403): said
    // where the button was pressed, so a preview "as a Guest" shows that the button fails for guests.
    function renderRefused() {
        var box = document.getElementById('pd-refused');
        var seen = {};
        var shown = [];
        PD.requests.forEach(function (r) {
            if (!r.refused || r.dismissed) { return; }
            var key = r.plugin + '\u0000' + r.kind + '\u0000' + r.path;
            if (!seen[key]) { seen[key] = { r: r, times: 0 }; shown.push(seen[key]); }
            seen[key].times += 1;
        });
        shown = shown.slice(-3);
        if (!shown.length) { box.className = ''; fill(box, ''); return; }
        box.className = 'show';
        fill(box, '<div class="pd-refused-card"><button data-ui="dismiss-refused" title="Dismiss" aria-label="Dismiss">\u00d7</button>' +
            // The log's and the check's words (PD_CONFIG.refusedForGuests, from designer/core/hostonly.py).
            '<h3>' + esc(PD.config.refusedForGuests) + ' (you are previewing as a Guest)</h3>' +
            shown.map(function (s) {
                var p = PD.plugins[s.r.plugin];
                return '<div><b>' + esc(p ? p.cfg.name : s.r.plugin || 'A plugin') + '</b>: <code>' + esc(requestNamed(s.r)) + '</code> (' +
                    esc(s.r.error) + ')' + (s.times > 1 ? ' \u00d7' + s.times : '') + '</div>';
            }).join('') +
            '<div class="pd-refused-note">In a real meeting a guest gets the same refusal (403 Forbidden) and nothing changes: ' +
            'offer this plugin to hosts only, or hide the button from guests.</div></div>');
    }
    // Just above the toolbar, however many rows it has: not over its buttons (unless that would push the card off the
    // top of the meeting, where it could not be read). Under the crash card when both show: its own words scroll
    // rather than go under that card. Why: in a narrow meeting the crash card hid the refusal's heading.
    function placeRefused() {
        var box = document.getElementById('pd-refused');
        var card = box.firstChild;
        if (!card) { return; }
        card.style.maxHeight = '';
        var toolbar = document.getElementById('pd-toolbar');
        var above = toolbar ? window.innerHeight - toolbar.getBoundingClientRect().top + 8 : 78;
        var oops = document.getElementById('pd-oops');
        var top = (oops.classList.contains('show') ? oops : document.getElementById('pd-top')).getBoundingClientRect().bottom + 8;
        var bottom = Math.round(Math.max(78, Math.min(above, window.innerHeight - top - card.offsetHeight)));
        box.style.bottom = bottom + 'px';
        var room = Math.floor(window.innerHeight - bottom - top);
        if (card.offsetHeight > room) { card.style.maxHeight = Math.max(room, 72) + 'px'; }
    }

    // What the keyboard is on, by what it does: the same control after the page is drawn again.
    var PRESSABLE = '[data-plugin], [data-tab], [data-toggle], [data-participant], [data-ui]';
    var KEPT = PRESSABLE + ', #pd-toolbar button';  // the app's own toolbar buttons too, known by their title
    function focusKey(el) {
        var d = el && el.dataset;
        if (!d) { return ''; }
        var key = [d.kind, d.plugin, d.index, d.target, d.tab, d.toggle, d.participant, d.ui].join('|');
        return d.plugin ? key : key + '|' + (el.getAttribute('title') || '');  // a plugin's title changes with its label
    }
    // Drawing replaces the controls: the one the keyboard was on is focused again, so a press
    // (or a plugin changing its label) does not send a keyboard user back to the top of the page.
    function keepingFocus(draw) {
        var before = document.activeElement && document.activeElement.matches && document.activeElement.matches(KEPT) ?
            focusKey(document.activeElement) : null;
        draw();
        if (before !== null) { focusKeyed(KEPT, before); }
    }
    // The control among ``selector`` whose focusKey is ``key`` gets the keyboard; false when there is none.
    function focusKeyed(selector, key) {
        var el = Array.prototype.find.call(document.querySelectorAll(selector), function (e) { return focusKey(e) === key; });
        if (el && document.activeElement !== el) { el.focus({ preventScroll: true }); }
        return !!el;
    }
    function participantRow(uuid) {
        return Array.prototype.find.call(document.querySelectorAll('.pd-row[data-participant]'), function (r) { return r.dataset.participant === uuid; });
    }
    // For the dialogs (mock-pex.js): what opened one, and the keyboard back on it once it closes.
    ui.focusKey = function (el) { return el && el.matches && el.matches(PRESSABLE) ? focusKey(el) : null; };
    ui.focusByKey = function (key) { return focusKeyed(PRESSABLE, key); };
    // The item that opened a dialog gone meanwhile (its plugin switched off, its menu closed): the
    // keyboard goes to the nearest thing still there rather than to the top of the page, where a
    // keyboard user would have to start again. A meeting menu's item: that menu's button; a
    // participant's: that participant (or the meeting menu's button); anything else: the toolbar.
    ui.focusFallback = function (key) {
        var parts = String(key || '').split('|');
        var kind = parts[0];
        var target = parts[3];
        var el = null;
        if (kind === 'participants') {
            el = participantRow(target) || document.getElementById('pd-conf-button');
        } else if (kind === 'conference') {
            el = document.getElementById('pd-conf-button');
        } else {
            el = document.querySelector('#pd-toolbar button');
        }
        if (el) { el.focus({ preventScroll: true }); }
    };
    // Words shortened with … because the dock is narrow (the meeting's name, a tab, a participant's
    // details) are said whole on hover; whole, they have no hover text of their own. Marked while
    // drawing (a tab's hover text is part of what keeps the keyboard on it, see focusKey) and again
    // when the dock is resized.
    var CUT = '#pd-top .pd-title, #pd-tabs button, .pd-row .pd-who small, .pd-menu .pd-from';
    function markCut() {
        Array.prototype.forEach.call(document.querySelectorAll(CUT), function (el) {
            if (el.scrollWidth > el.clientWidth + 1) { el.setAttribute('title', el.textContent); }
            else if (el.hasAttribute('title')) { el.removeAttribute('title'); }
        });
    }
    ui.markCut = markCut;
    // The crash card just under the top bar, however many rows the bar has: not under its badges.
    function placeOops() {
        var top = document.getElementById('pd-top');
        document.getElementById('pd-oops').style.top = Math.round(top.getBoundingClientRect().bottom + 4) + 'px';
    }
    window.addEventListener('resize', function () { markCut(); placeOops(); placeRefused(); });
    // The stage narrower or wider (the dock resized): the toolbar may have another number of rows. Observed rather than
    // on the window's resize event, which comes a frame later: meanwhile the last tile could be under the toolbar.
    if (window.ResizeObserver) { new ResizeObserver(function () { roomForToolbar(); }).observe(document.getElementById('pd-stage')); }
    // You out of the meeting (PD.left: a plugin disconnected or moved you, or everyone): the call ends, as in the
    // app, with what happened and a way back in; the meeting under it is not drawn, its menus not pressable.
    var ENDED = {
        disconnected: ['You were disconnected', 'disconnected you from the meeting'],
        moved: ['You were moved to another meeting', 'moved you out of this meeting'],
        everyone: ['The meeting has ended', 'disconnected everyone, you too']
    };
    function renderEnded() {
        var app = document.getElementById('pd-app');
        var box = document.getElementById('pd-ended');
        var left = PD.left;
        var was = app.classList.contains('ended');
        app.classList.toggle('ended', Boolean(left));
        if (!left) { fill(box, ''); return; }
        var said = ENDED[left.how] || ENDED.disconnected;
        var p = left.plugin && PD.plugins[left.plugin];
        fill(box, '<div class="pd-ended-card"><h2>' + esc(said[0]) + '</h2><p>' + (p ? bdi(p.cfg.name) : 'A plugin') + ' ' + esc(said[1]) +
            ': in the app this ends your call.</p>' +
            '<button id="pd-rejoin" data-ui="rejoin">Rejoin the meeting</button></div>');
        // The keyboard was on the button that did it, now gone: on the way back in instead of the page's top.
        if (!was) { document.getElementById('pd-rejoin').focus({ preventScroll: true }); }
    }
    ui.render = function () { keepMeetingInPage(); keepingFocus(function () { renderTop(); renderStage(); renderSide(); renderEnded(); renderOops(); renderRefused(); markCut(); placeOops(); placeRefused(); }); };
    var pending = false;
    ui.schedule = function () {
        if (pending) { return; }
        pending = true;
        Promise.resolve().then(function () { pending = false; ui.render(); });
    };
    ui.setConfig = function (config) {
        var byKey = {};
        config.plugins.forEach(function (p) { byKey[p.key] = p; });
        PD.config.plugins = config.plugins;
        PD.config.role = config.role;
        PD.config.platform = config.platform;
        PD.config.platformName = config.platformName;
        Object.keys(PD.plugins).forEach(function (k) { if (byKey[k]) { PD.plugins[k].cfg = byKey[k]; } });
        ui.cache = {};
        ui.render();
    };
    PD.listeners.push(function (event) {
        if (event.type === 'state' || event.type === 'mock-state' || event.type === 'error' || event.type === 'lifecycle' ||
            (event.type === 'request' && event.refused) || PD.chatCount !== ui.chatDrawn) { ui.schedule(); }
    });

    document.addEventListener('click', function (event) {
        var el = event.target.closest('[data-plugin], [data-tab], [data-toggle], [data-participant], [data-ui]');
        if (!el) { return; }
        if (el.dataset.plugin) {
            PD.runAction(el.dataset.plugin, Number(el.dataset.index), el.dataset.target || null);
        } else if (el.dataset.tab) {
            ui.tab = el.dataset.tab;
        } else if (el.dataset.toggle) {
            var key = el.dataset.toggle;
            var live = PD.plugins[key];
            var p = live.cfg;
            if (visible(p)) { live.userOff = true; live.userOn = false; PD.unload(key); }
            else { live.userOff = false; live.userOn = true; PD.load(key); }
        } else if (el.dataset.participant) {
            ui.openParticipant = ui.openParticipant === el.dataset.participant ? '' : el.dataset.participant;
        } else if (el.dataset.ui === 'conf') {
            ui.confMenuOpen = !ui.confMenuOpen;
        } else if (el.dataset.ui === 'dismiss') {
            PD.errors.forEach(function (e) { e.dismissed = true; });
        } else if (el.dataset.ui === 'rejoin') {
            PD.sim.rejoin();
            ui.render();
            document.getElementById('pd-conf-button').focus({ preventScroll: true });  // back in: at the meeting's top
            return;
        } else if (el.dataset.ui === 'dismiss-refused') {
            PD.requests.forEach(function (r) { r.dismissed = true; });
        }
        ui.render();
        // A card's × goes with its card: the keyboard on it was left on the page itself, nowhere a screen
        // reader could say. It goes to the meeting's top, where Tab into the meeting starts (or to Rejoin).
        if ((el.dataset.ui === 'dismiss' || el.dataset.ui === 'dismiss-refused') && document.activeElement === document.body) {
            (document.getElementById('pd-rejoin') || document.getElementById('pd-conf-button')).focus({ preventScroll: true });
        }
    });
    document.addEventListener('mouseover', function (event) {
        var el = event.target.closest('[data-hover]');
        var id = el ? el.dataset.hover : null;
        if (id !== ui.hover) { ui.hover = id; keepingFocus(renderStage); }
    });
    // A toolbar of many rows scrolled (the wheel, Tab): the hover text goes along with its button.
    document.addEventListener('scroll', function (event) {
        if (event.target.id === 'pd-toolbar') { placeTip(); }
    }, true);
    // The keyboard on a toolbar button shows its label, as the mouse on it does: the buttons are only icons.
    document.addEventListener('focusin', function (event) {
        var el = event.target.closest && event.target.closest('[data-hover]');
        var id = el ? el.dataset.hover : null;
        if (id !== ui.hover) { ui.hover = id; keepingFocus(renderStage); }
    });
    // Escape closes the meeting menu or a participant's menu the keyboard is in (or on the button
    // that opened it), as the app's menus do, and puts the keyboard back on that button. A dialog
    // open on top takes the Escape first (mock-pex.js), so its menu stays open under it.
    document.addEventListener('keydown', function (event) {
        var el = event.target;
        if (event.key !== 'Escape' || event.defaultPrevented || !el.closest || PD.dialogs.length) { return; }
        if (ui.confMenuOpen && el.closest('#pd-top')) {
            event.preventDefault();
            ui.confMenuOpen = false;
            ui.render();
            document.getElementById('pd-conf-button').focus({ preventScroll: true });
            return;
        }
        var row = el.closest('.pd-row[data-participant]');
        var menu = el.closest('.pd-ctx');
        if (menu) { row = menu.previousElementSibling; }
        if (row && ui.openParticipant === row.dataset.participant) {
            event.preventDefault();
            var uuid = row.dataset.participant;
            ui.openParticipant = '';
            ui.render();
            var again = participantRow(uuid);
            if (again) { again.focus({ preventScroll: true }); }
        }
    });
    // The arrow keys (and Home, End) go from tab to tab and show that tab's panel at once.
    document.addEventListener('keydown', function (event) {
        var el = event.target;
        if (!el.matches || !el.matches('#pd-tabs [role=tab]') || event.altKey || event.ctrlKey || event.metaKey) { return; }
        var all = Array.prototype.map.call(document.querySelectorAll('#pd-tabs [role=tab]'), function (t) { return t.dataset.tab; });
        var at = all.indexOf(el.dataset.tab);
        var to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
        if (to === undefined) { return; }
        event.preventDefault();
        ui.tab = all[(to + all.length) % all.length];
        ui.render();
        document.getElementById('pd-tab-' + ui.tab).focus({ preventScroll: true });
    });
    // In a menu the arrow keys (and Home, End) go from item to item, as a screen reader that says
    // "menu" tells its user to expect; Tab still goes on as before.
    document.addEventListener('keydown', function (event) {
        var el = event.target;
        var menu = el.closest && el.closest('[role=menu]');
        if (!menu || event.altKey || event.ctrlKey || event.metaKey) { return; }
        var items = Array.prototype.slice.call(menu.querySelectorAll('[role=menuitem][tabindex]'));
        var at = items.indexOf(el);
        var to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
        if (to === undefined || !items.length) { return; }
        event.preventDefault();
        items[(to + items.length) % items.length].focus({ preventScroll: false });
    });
    // Enter or Space on a menu item or a participant (drawn as text, not as buttons) presses it, as on a button.
    document.addEventListener('keydown', function (event) {
        var el = event.target;
        if ((event.key !== 'Enter' && event.key !== ' ') || !el.matches || el.tagName === 'BUTTON' || !el.matches(PRESSABLE)) { return; }
        event.preventDefault();
        el.click();
    });

    // The meeting's own elements, put back when a plugin's code takes them out of the page
    // (document.body.innerHTML = '', replaceChildren(), ...), the plugin named in the log. Why: the
    // drawing code then failed on every change of the meeting, each failure said as a crash of no
    // plugin ("[?] This would show the Oops page") that started the next, hundreds of them.
    var own = Array.prototype.filter.call(document.body.children, function (el) { return /^pd-/.test(el.id); });
    var ownStyles = Array.prototype.slice.call(document.querySelectorAll('head style'));
    // The parts of the meeting's screen inside it (the top bar, the stage, the side panel, ...), each with its place:
    // put back as well when a plugin removes one (el.remove(), a container's innerHTML = ''). Why: the drawing code
    // failed in the same way, each failure "[?] This would show the Oops page". (The page's own code tells which
    // plugin's code removed them: see running in mock-pex.js.)
    var parts = Array.prototype.map.call(document.querySelectorAll('#pd-app [id^="pd-"]'), function (el) { return [el, el.parentNode]; });
    PD.pageParts = own.map(function (el) { return [el, null]; }).concat(parts);
    var keeper = new MutationObserver(function () { if (keepMeetingInPage()) { ui.render(); } });
    function watchPage() {
        keeper.disconnect();
        keeper.observe(document.documentElement, { childList: true });
        if (document.body) { keeper.observe(document.body, { childList: true }); }
        // (the containers of the parts only: the parts themselves are drawn anew all the time)
        parts.forEach(function (part) { keeper.observe(part[1], { childList: true }); });
    }
    // Also first thing in ui.render: the plugin's code may have emptied the page in the task drawing next.
    function keepMeetingInPage() {
        if (!own) { return false; }  // (the page's first drawing, before they are known)
        var gone = own.concat(ownStyles).filter(function (el) { return !el.isConnected; });
        var moved = parts.filter(function (part) { return part[0].parentNode !== part[1]; });
        if (!gone.length && !moved.length) { return false; }
        var head = document.head || document.documentElement.insertBefore(document.createElement('head'), document.body);
        ownStyles.forEach(function (el) { if (!el.isConnected) { head.appendChild(el); } });
        var body = document.body || document.documentElement.appendChild(document.createElement('body'));
        // Each container's parts again, all, in their order (after what the plugin put there).
        parts.forEach(function (part) {
            if (moved.some(function (m) { return m[1] === part[1]; })) { part[1].appendChild(part[0]); }
        });
        if (gone.length) { own.forEach(function (el) { body.appendChild(el); }); }
        watchPage();
        PD.emit('warning', { plugin: PD.emptiedBy || null, message: gone.length ? 'it took the meeting out of the page ' +
            '(document.body emptied or replaced): in the app the meeting\u2019s screen would be gone until the app is opened ' +
            'again; the preview put it back' : 'it removed parts of the meeting\u2019s screen from the page: in the app ' +
            'they would be gone until the app is opened again; the preview put them back' });
        PD.emptiedBy = null;
        return true;
    }
    watchPage();

    ui.render();
    PD.start();
    ui.render();
})();
