// Lock toggle: a toolbar button that locks or unlocks the meeting.
// Everything sits inside this wrapper so nothing leaks into the rest of the app.
(function () {
    'use strict';

    // The button's picture and hover text; they change with the lock status.
    var state$ = window.PEX.pluginAPI.createNewState({});

    // What we last heard about the meeting: is it locked?
    var locked = false;

    // Things we listen to, kept so we can stop listening when switched off.
    var subscriptions = [];

    // Choose the button's look from the lock status.
    function showLockStatus() {
        if (locked) {
            state$.next({ icon: 'unlock.svg#unlock', label: 'Unlock meeting' });
        } else {
            state$.next({ icon: 'lock.svg#lock', label: 'Lock meeting' });
        }
    }

    // Called by the app when the plugin is switched on.
    function load(participants$, conferenceDetails$) {
        showLockStatus();
        // Each time the meeting details change, note the lock status and update the button.
        subscriptions.push(conferenceDetails$.subscribe(function (details) {
            locked = Boolean(details && details.locked);
            showLockStatus();
        }));
    }

    // Called when the button is pressed: lock if open, unlock if locked.
    // Use the details passed in if they look right, otherwise what we last heard.
    function toggleLock(participants, conferenceDetails) {
        var given = conferenceDetails && typeof conferenceDetails.locked === 'boolean';
        var isLocked = given ? conferenceDetails.locked : locked;
        var request = isLocked ? '/unlock' : '/lock';
        window.PEX.pluginAPI.sendRequest(request)
            .then(function (response) {
                console.log('lock-toggle: ' + request + ' answered', response && response.result);
            })
            .catch(function (error) {
                console.warn('lock-toggle: ' + request + ' failed', error);
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
        id: 'lock-toggle',
        load: load,
        unload: unload,
        toggleLock: toggleLock,
        state$: state$
    });
})();
