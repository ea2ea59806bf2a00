// Meeting information: a menu item that shows a short summary of the meeting.
// Everything sits inside this wrapper so nothing leaks into the rest of the app.
(function () {
    'use strict';

    // The latest meeting details and number of people, kept up to date while loaded.
    var latestDetails = {};
    var participantCount = 0;

    // Things we listen to, kept so we can stop listening when switched off.
    var subscriptions = [];

    // Make any text safe to put into the page (no stray HTML).
    function escapeHtml(value) {
        return String(value).replace(/[&<>"']/g, function (ch) {
            return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch];
        });
    }

    // Turn true/false into a friendly word.
    function yesNo(value) { return value ? 'Yes' : 'No'; }

    // Called by the app when the plugin is switched on: start listening.
    function load(participants$, conferenceDetails$) {
        subscriptions.push(participants$.subscribe(function (participants) {
            participantCount = Array.isArray(participants) ? participants.length : 0;
        }));
        subscriptions.push(conferenceDetails$.subscribe(function (details) {
            latestDetails = details || {};
        }));
    }

    // Called when the menu item is chosen: build the summary and show it in a dialog.
    // Use the details passed in if given, otherwise what we last heard.
    function showMeetingInfo(conferenceDetails) {
        var given = conferenceDetails && typeof conferenceDetails === 'object' && !Array.isArray(conferenceDetails);
        var d = given ? conferenceDetails : latestDetails;
        var rows = [
            ['Locked', yesNo(d.locked)],
            ['Guests muted', yesNo(d.guestsMuted)],
            ['Chat enabled', yesNo(d.chatEnabled)],
            ['Media type', d.mediaType || 'unknown'],
            ['Started', yesNo(d.started)],
            ['Participants', participantCount]
        ];
        var body = '<table style="margin: 0 auto 24px auto; text-align: left;">' +
            rows.map(function (row) {
                return '<tr><th style="padding-right: 16px;">' + escapeHtml(row[0]) +
                    '</th><td>' + escapeHtml(row[1]) + '</td></tr>';
            }).join('') +
            '</table>' +
            '<button id="meetingInfoCloseButton" class="dialog-button blue-action-button">Close</button>';

        window.PEX.pluginAPI.openTemplateDialog({ title: 'Meeting information', body: body })
            .then(function (dialogRef) {
                // Close the dialog when the Close button is pressed.
                var button = document.getElementById('meetingInfoCloseButton');
                if (button) {
                    button.addEventListener('click', function () {
                        dialogRef.close();
                    });
                }
                // Note in the browser console when the dialog goes away.
                dialogRef.close$.subscribe(function () {
                    console.log('meeting-info: dialog closed');
                });
            })
            .catch(function (error) {
                console.warn('meeting-info: could not open the dialog', error);
            });
    }

    // Called when the plugin is switched off: stop listening.
    function unload() {
        subscriptions.forEach(function (subscription) {
            subscription.unsubscribe();
        });
        subscriptions = [];
    }

    // Tell the app about this plugin. The id must match the package file.
    window.PEX.pluginAPI.registerPlugin({
        id: 'meeting-info',
        load: load,
        unload: unload,
        showMeetingInfo: showMeetingInfo
    });
})();
