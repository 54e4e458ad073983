// The case page's diagrams: bpmn-js's viewer (vendored, window.BpmnJS) draws each process of the
// case; the history the server embedded (#case-diagrams) marks the elements with CSS classes
// (canvas.addMarker) and a click on an element lists what happened there. Data is inserted as
// text (textContent), never as markup.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('case-diagrams').textContent);
  var details = document.getElementById('element-details');
  var detailsTitle = document.getElementById('element-details-title');
  var detailsList = document.getElementById('element-details-list');

  function show(name, happenings) {
    detailsTitle.textContent = name;
    detailsList.replaceChildren();
    (happenings.length ? happenings : [{ at: '', what: 'nothing happened here in this case', who: '' }])
      .forEach(function (h) {
        var li = document.createElement('li');
        li.textContent = (h.at ? h.at + ' — ' : '') + h.what + (h.who ? ' (' + h.who + ')' : '');
        detailsList.appendChild(li);
      });
    details.hidden = false;
  }

  data.forEach(function (diagram, index) {
    var container = document.getElementById('diagram-' + index);
    var viewer = new window.BpmnJS({ container: container });
    viewer.importXML(diagram.xml).then(function () {
      var canvas = viewer.get('canvas');
      var registry = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport');
      Object.keys(diagram.elements).forEach(function (id) {
        if (!registry.get(id)) {
          return;
        }
        diagram.elements[id].markers.forEach(function (marker) {
          canvas.addMarker(id, 'cf-' + marker);
        });
        canvas.addMarker(id, 'cf-has-history');
      });
      // a flow between two elements the case passed is on its path
      registry.filter(function (e) { return e.type === 'bpmn:SequenceFlow'; }).forEach(function (flow) {
        var from = diagram.elements[flow.source.id];
        var to = diagram.elements[flow.target.id];
        if (from && to && from.markers.indexOf('visited') >= 0 && to.markers.indexOf('visited') >= 0) {
          canvas.addMarker(flow.id, 'cf-taken');
        }
      });
      viewer.get('eventBus').on('element.click', function (event) {
        var element = event.element;
        if (element.type === 'bpmn:Process' || element.type === 'label') {
          return;
        }
        var bo = element.businessObject || {};
        var state = diagram.elements[element.id];
        show((bo.name || element.id) + ' [' + diagram.key + ']', state ? state.happenings : []);
      });
      container.setAttribute('data-ready', 'true');
    }).catch(function (error) {
      container.textContent = 'The diagram could not be drawn: ' + error.message;
      container.setAttribute('data-ready', 'error');
    });
  });
}());
