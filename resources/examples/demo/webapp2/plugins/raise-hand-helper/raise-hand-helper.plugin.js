// Raise hand helper: lets the host lower a participant's raised hand from the roster.
// Everything sits inside this wrapper so nothing leaks into the rest of the app.
(function () {
    'use strict';

    // When each person raised their hand (0 = hand down), kept up to date while loaded.
    var handTimes = {};

    // Things we listen to, kept so we can stop listening when switched off.
    var subscriptions = [];

    // Called by the app when the plugin is switched on: keep track of raised hands.
    function load(participants$, conferenceDetails$) {
        subscriptions.push(participants$.subscribe(function (participants) {
            handTimes = {};
            (participants || []).forEach(function (p) {
                if (p && p.uuid) { handTimes[p.uuid] = p.buzzTime || 0; }
            });
        }));
    }

    // Called when "Lower hand" is chosen for a participant in the roster.
    function lowerHand(participant) {
        if (!participant || !participant.uuid) {
            console.warn('raise-hand-helper: no participant given');
            return;
        }
        // Use the newest information we have about this person's hand.
        var known = Object.prototype.hasOwnProperty.call(handTimes, participant.uuid);
        var buzzTime = known ? handTimes[participant.uuid] : participant.buzzTime;
        if (!buzzTime) {
            console.log('raise-hand-helper: ' + participant.name + ' has no raised hand, nothing to do');
            return;
        }
        var request = '/participants/' + participant.uuid + '/clearbuzz';
        window.PEX.pluginAPI.sendRequest(request)
            .then(function (response) {
                console.log('raise-hand-helper: hand lowered for ' + participant.name, response && response.result);
            })
            .catch(function (error) {
                console.warn('raise-hand-helper: could not lower hand', error);
            });
    }

    // Called when the plugin is switched off: stop listening.
    function unload() {
        subscriptions.forEach(function (subscription) {
            subscription.unsubscribe();
        });
        subscriptions = [];
        handTimes = {};
    }

    // Tell the app about this plugin. The id must match the package file.
    window.PEX.pluginAPI.registerPlugin({
        id: 'raise-hand-helper',
        load: load,
        unload: unload,
        lowerHand: lowerHand
    });
})();
